package org.etlsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** In Docker Compose the shared volume is mounted at /data and the transformer is reached by its service name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("docker")
class DockerProfileIntegrationTests {

    @Autowired
    EtlProperties properties;

    @Test
    void shouldReadDataFromTheMountedVolume() {
        assertThat(properties.dataDir()).isEqualTo(Path.of("/data"));
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void shouldReadDeadLettersFromTheBrokerOfTheComposeNetwork() {
        assertThat(bootstrapServers).isEqualTo("kafka:29092");
    }

    @Test
    void shouldAskTheTransformerServiceOfTheComposeNetwork() {
        assertThat(properties.dashboard().transformerUrl()).isEqualTo(URI.create("http://transformer-service:8091"));
    }
}
