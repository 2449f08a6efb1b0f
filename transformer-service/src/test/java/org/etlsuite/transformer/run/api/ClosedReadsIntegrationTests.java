package org.etlsuite.transformer.run.api;

import java.nio.file.Path;

import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.etlsuite.transformer.ExactlyOnceEmbeddedKafka;
import org.etlsuite.transformer.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.run.api.ApiSecurityIntegrationTests.assertUnauthorized;

/**
 * With {@code etl.api.open-reads=false} reads need the credentials too, except the actuator's health and info.
 * Kafka Streams does not start (so the health is DOWN, 503, which still answers without credentials).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "etl.api.open-reads=false",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=mock://closed-reads",
        "spring.kafka.streams.application-id=closed-reads-test",
        "spring.kafka.streams.auto-startup=false",
        "etl.export.enabled=false",
        "etl.topic-partitions=3"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class ClosedReadsIntegrationTests {

    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.register(registry, "closed_reads", data);
    }

    @Test
    void shouldRefuseReadsWithoutCredentialsWith401ProblemAndAnswerThemWithCredentials() {
        RunApi api = new RunApi(port);
        for (String read : new String[] {"/api/pipelines", "/api/pipelines/urban-sensors/runs", "/api/runs/1", "/actuator/prometheus"}) {
            assertUnauthorized(api.get(read), read, "GET " + read + " needs credentials");
        }

        RunApi.Answer pipelines = api.exchange("GET", "/api/pipelines", null, null, TestCredentials.authorization());
        assertThat(pipelines.status()).isEqualTo(200);
        assertThat(pipelines.body().get(2).get("dagId").asText()).isEqualTo("VMI_001");
        assertThat(api.exchange("GET", "/actuator/prometheus", null, null, TestCredentials.authorization()).status()).isEqualTo(200);
        assertThat(api.exchange("GET", "/actuator/env", null, null, TestCredentials.authorization()).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerHealthAndInfoWithoutCredentialsAndTheHealthComponentsOnlyWithThem() {
        RunApi api = new RunApi(port);

        RunApi.Answer anonymous = api.get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(503);
        assertThat(anonymous.body().get("status").asText()).isEqualTo("DOWN");
        assertThat(anonymous.body().has("components")).isFalse();
        RunApi.Answer authenticated = api.exchange("GET", "/actuator/health", null, null, TestCredentials.authorization());
        assertThat(authenticated.body().get("components").get("kafkaStreams").get("status").asText()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/info").status()).isEqualTo(200);
    }
}
