package org.etlsuite.producer;

import static org.etlsuite.producer.TestCredentials.apiUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import org.etlsuite.model.registry.MockSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With {@code etl.api.open-reads=false} reads need the credentials too, except the actuator's health and info.
 * No broker: nothing here sends, and the health is DOWN (503) for it, which still answers without credentials.
 */
@SpringBootTest(properties = {"etl.api.open-reads=false", "spring.kafka.admin.auto-create=false",
        "etl.producer.kafka-health.timeout=500ms"})
@AutoConfigureMockMvc
class ClosedReadsIntegrationTests {

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + port);
        registry.add("spring.kafka.properties.schema.registry.url", () -> MockSchemaRegistry.URL_PREFIX + "closed-" + UUID.randomUUID());
    }

    @Autowired
    MockMvc mvc;

    @Test
    void shouldRefuseAReadWithoutCredentialsWith401ProblemAndAnswerItWithThem() throws Exception {
        mvc.perform(get("/api/streams"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"etl-suite\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/streams"));
        mvc.perform(get("/api/streams").with(apiUser()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("product-events"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(apiUser())).andExpect(status().isOk());
        mvc.perform(get("/actuator/env").with(apiUser())).andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswerHealthAndInfoWithoutCredentialsAndTheHealthComponentsOnlyWithThem() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(apiUser()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.kafka.status").value("DOWN"));
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
    }
}
