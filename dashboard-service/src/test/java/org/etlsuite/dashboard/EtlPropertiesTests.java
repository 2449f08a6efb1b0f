package org.etlsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EtlPropertiesTests {

    @Test
    void shouldDefaultToDataFolderOfTheWorkingDirectory() {
        EtlProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("etl.other", "x")))
                .bindOrCreate("etl", EtlProperties.class);

        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
    }

    @Test
    void shouldAskTheLocalTransformerAndWaitTwoSecondsAtMostByDefault() {
        EtlProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("etl.other", "x")))
                .bindOrCreate("etl", EtlProperties.class);

        assertThat(properties.dashboard().transformerUrl()).isEqualTo(URI.create("http://localhost:8091"));
        assertThat(properties.dashboard().transformerTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldBindTheTransformerUrlAndTimeout() {
        EtlProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "etl.dashboard.transformer-url", "http://transformer:9000", "etl.dashboard.transformer-timeout", "500ms")))
                .bindOrCreate("etl", EtlProperties.class);

        assertThat(properties.dashboard().transformerUrl()).isEqualTo(URI.create("http://transformer:9000"));
        assertThat(properties.dashboard().transformerTimeout()).isEqualTo(Duration.ofMillis(500));
    }
}
