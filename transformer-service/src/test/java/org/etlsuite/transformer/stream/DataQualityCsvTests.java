package org.etlsuite.transformer.stream;

import java.util.List;
import java.util.Map;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.urban.UrbanFeatures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataQualityCsvTests {

    private static StreamSpec<UrbanSensorReading, ?> spec(String topic, String... rules) {
        return new StreamSpec<>(topic, UrbanSensorReading.class, UrbanSensorReadingProcessed.class,
                java.util.Arrays.stream(rules).map(name -> QualityRule.<UrbanSensorReading>of(name, r -> true)).toList(),
                UrbanSensorReading::getSensorId, UrbanFeatures::eventId, StreamSpec.DedupKeying.INPUT_KEY, UrbanFeatures::enrich);
    }

    @Test
    void shouldListEveryCheckOfEveryStreamWithZeroBeforeAnythingHappened() {
        CsvDocument document = DataQualityCsv.document(List.of(spec("b-stream", "rule-one"), spec("a-stream")), Map.of());

        assertThat(CsvFormat.render(document)).isEqualTo("""
                stream,metric,rule,count
                a-stream,accepted,,0
                a-stream,rejected,value-present,0
                a-stream,duplicate,,0
                a-stream,undecodable,bad-magic-byte,0
                a-stream,undecodable,truncated,0
                a-stream,undecodable,unknown-schema-id,0
                a-stream,undecodable,unusable-schema,0
                a-stream,undecodable,wrong-record-type,0
                a-stream,undecodable,corrupt-payload,0
                b-stream,accepted,,0
                b-stream,rejected,value-present,0
                b-stream,rejected,rule-one,0
                b-stream,duplicate,,0
                b-stream,undecodable,bad-magic-byte,0
                b-stream,undecodable,truncated,0
                b-stream,undecodable,unknown-schema-id,0
                b-stream,undecodable,unusable-schema,0
                b-stream,undecodable,wrong-record-type,0
                b-stream,undecodable,corrupt-payload,0
                """);
        assertThat(document.sourceRecords()).isZero();
    }

    @Test
    void shouldKeepCountsOfRulesAndStreamsNoLongerDeclaredSoTheTotalsStillAddUp() {
        Map<QualityKey, Long> counts = Map.of(
                QualityKey.accepted("a-stream"), 10L,
                QualityKey.rejected("a-stream", "old-rule"), 3L,
                QualityKey.rejected("a-stream", "another-old-rule"), 1L,
                QualityKey.rejected("a-stream", "rule-one"), 2L,
                QualityKey.undecodable("a-stream", DecodeError.TRUNCATED), 4L,
                QualityKey.duplicate("gone-stream"), 5L);

        CsvDocument document = DataQualityCsv.document(List.of(spec("a-stream", "rule-one")), counts);

        assertThat(document.rows()).filteredOn(row -> !row.get(3).equals("0")).containsExactly(
                List.of("a-stream", "accepted", "", "10"),
                List.of("a-stream", "rejected", "rule-one", "2"),
                List.of("a-stream", "rejected", "another-old-rule", "1"),
                List.of("a-stream", "rejected", "old-rule", "3"),
                List.of("a-stream", "undecodable", "truncated", "4"),
                List.of("gone-stream", "duplicate", "", "5"));
        assertThat(document.rows()).filteredOn(row -> row.get(0).equals("gone-stream")).hasSize(1);
        assertThat(document.sourceRecords()).isEqualTo(25);
    }
}
