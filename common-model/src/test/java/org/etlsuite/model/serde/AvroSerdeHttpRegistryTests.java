package org.etlsuite.model.serde;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The serdes against an HTTP registry (WireMock stubs of the Confluent API), counting the requests they make. */
class AvroSerdeHttpRegistryTests {

    @RegisterExtension
    static final WireMockExtension registry = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void shouldMakeOneRegistryRequestEachForSerializingAndDeserializingManyRecords() {
        String schemaBody = new ObjectMapper().createObjectNode()
                .put("schema", UrbanSensorReading.getClassSchema().toString()).toString();
        registry.stubFor(post("/subjects/urban-sensors-value/versions").willReturn(okJson("{\"id\":77}")));
        registry.stubFor(get("/schemas/ids/77").willReturn(okJson(schemaBody)));
        Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.baseUrl());

        List<UrbanSensorReading> read = new ArrayList<>();
        try (SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>()) {
            serde.configure(configs, false);
            for (int i = 0; i < 25; i++) {
                byte[] bytes = serde.serializer().serialize("urban-sensors", TestReadings.reading("sensor-" + (100 + i), i));
                assertThat(TestReadings.hex(bytes)).startsWith("000000004d");
                read.add(serde.deserializer().deserialize("urban-sensors", bytes));
            }
        }

        assertThat(read).hasSize(25).last().isEqualTo(TestReadings.reading("sensor-124", 24));
        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/urban-sensors-value/versions")));
        registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/77")));
        assertThat(registry.getAllServeEvents()).hasSize(2);
    }
}
