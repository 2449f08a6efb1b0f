package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** With no broker at the bootstrap address, the service still starts and its health is DOWN, naming the error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // No topic creation at startup (it would wait for the missing broker), and short checks.
        "spring.kafka.admin.auto-create=false", "etl.producer.kafka-health.timeout=500ms"})
class KafkaHealthDownIntegrationTests {

    @DynamicPropertySource
    static void unreachableBroker(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + port);
        registry.add("spring.kafka.properties.schema.registry.url", () -> MockSchemaRegistry.URL_PREFIX + "down-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Test
    void shouldReportKafkaDownWithTheErrorAndAnswer503() {
        // the components show to the API user only
        ResponseEntity<String> health = RestClient.create("http://localhost:" + port).get().uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, TestCredentials.authorization()).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(503);
        assertThat(JsonPath.<String>read(health.getBody(), "$.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(health.getBody(), "$.components.kafka.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(health.getBody(), "$.components.kafka.details.error")).startsWith("TimeoutException: ");
    }
}
