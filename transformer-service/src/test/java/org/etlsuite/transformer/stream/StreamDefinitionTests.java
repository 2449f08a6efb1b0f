package org.etlsuite.transformer.stream;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.table.Aggregation;
import org.etlsuite.transformer.urban.UrbanBucket;
import org.etlsuite.transformer.urban.UrbanHourlyAggregate;
import org.etlsuite.transformer.urban.UrbanSensorsStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamDefinitionTests {

    private static Aggregation<UrbanSensorReadingProcessed, UrbanBucket, UrbanHourlyAggregate> hourly() {
        return new Aggregation<>(UrbanSensorsStream.HOURLY, reading -> List.of(KeyValue.pair(UrbanBucket.of(reading), UrbanHourlyAggregate.of(reading))));
    }

    @Test
    void shouldListTheDataQualityTableThenTheStreamsOwn() {
        assertThat(UrbanSensorsStream.definition().tables()).extracting(table -> table.globalStore())
                .containsExactly("urban-sensors-data-quality", "urban-sensors-hourly");
    }

    @Test
    void shouldRefuseATableDeclaredTwice() {
        assertThatThrownBy(() -> new StreamDefinition<>(UrbanSensorsStream.spec(), UrbanSensorsStream.PIPELINE, List.of(hourly(), hourly())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table hourly of urban-sensors is declared twice");
    }
}
