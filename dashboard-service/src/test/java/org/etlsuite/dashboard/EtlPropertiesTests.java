package org.etlsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        assertThat(properties.resolve("processed/a.csv").normalize()).isEqualTo(Path.of("data/processed/a.csv"));
    }
}
