package org.etlsuite.transformer.urban;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.stream.DataQualityCsv;
import org.etlsuite.transformer.stream.DecodeError;
import org.etlsuite.transformer.stream.QualityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.etlsuite.transformer.table.PartialKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.events.urban.UrbanLocation.CENTRO;
import static org.etlsuite.transformer.urban.TestReadings.reading;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.T0;
import static org.etlsuite.transformer.urban.UrbanTopologyDriver.utf8;

/** Every input record is counted exactly once, under one metric, in the data-quality table and file. */
class UrbanDataQualityTests {

    private static final String STREAM = UrbanTopics.READINGS;

    @TempDir
    Path stateDir;

    private UrbanTopologyDriver topology;

    @BeforeEach
    void startDriver() {
        topology = new UrbanTopologyDriver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    private static UrbanSensorReading valid(String sensorId, String ts) {
        return reading(sensorId, ts, CENTRO, 10, 30.0, 50.0, 10.0, 20.0);
    }

    /** 5 accepted, 2 duplicates, 3 rejected (2 rules), 3 undecodable (2 kinds): 13 records. */
    private void sendAMix() {
        topology.send(valid("sensor-101", "2026-03-01T08:00:00Z"), T0);
        topology.send(valid("sensor-102", "2026-03-01T08:00:00Z"), T0);
        topology.send(valid("sensor-101", "2026-03-01T08:00:00Z"), T0.plusSeconds(10));
        topology.send(utf8("x"), new byte[] {7, 7, 7}, T0, new RecordHeaders());
        UrbanSensorReading loud = valid("sensor-103", "2026-03-01T08:00:00Z");
        loud.setNoiseDb(130.0);
        topology.send(loud, T0);
        topology.send(valid("sensor-103", "2026-03-01T08:01:00Z"), T0);
        UrbanSensorReading quiet = valid("sensor-104", "2026-03-01T08:00:00Z");
        quiet.setNoiseDb(10.0);
        topology.send(quiet, T0);
        topology.send(utf8("y"), new byte[] {0, 0, 0}, T0, new RecordHeaders());
        UrbanSensorReading noTime = valid("sensor-105", "2026-03-01T08:00:00Z");
        noTime.setTs(Instant.EPOCH);
        topology.send(noTime, T0);
        topology.send(valid("sensor-104", "2026-03-01T08:02:00Z"), T0);
        topology.send(utf8("z"), new byte[] {9}, T0, new RecordHeaders());
        topology.send(valid("sensor-102", "2026-03-01T08:00:00Z"), T0.plusSeconds(20));
        topology.send(valid("sensor-105", "2026-03-01T08:03:00Z"), T0);
    }

    @Test
    void shouldCountEveryRecordExactlyOnceUnderItsMetricAndRule() {
        sendAMix();

        assertThat(topology.dataQuality()).isEqualTo(Map.of(
                QualityKey.accepted(STREAM), 5L,
                QualityKey.duplicate(STREAM), 2L,
                QualityKey.rejected(STREAM, "noise-db-range"), 2L,
                QualityKey.rejected(STREAM, "ts-positive"), 1L,
                QualityKey.undecodable(STREAM, DecodeError.BAD_MAGIC_BYTE), 2L,
                QualityKey.undecodable(STREAM, DecodeError.TRUNCATED), 1L));
        assertThat(topology.dataQuality().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(13);
    }

    @Test
    void shouldPublishEachStepsTotalsOfItsPartitionToTheCompactedTopic() {
        topology.send(valid("sensor-101", "2026-03-01T08:00:00Z"), T0);
        topology.send(valid("sensor-102", "2026-03-01T08:00:00Z"), T0);
        topology.send(utf8("x"), new byte[] {7}, T0, new RecordHeaders());

        topology.publish();

        // each step publishes the totals of its own partition: the dead letters' and the dedup outcomes'
        assertThat(topology.dataQualityUpdates.readKeyValuesToList()).containsExactlyInAnyOrder(
                KeyValue.pair(new PartialKey<>(QualityKey.accepted(STREAM), "dedup-outcomes", 0), 2L),
                KeyValue.pair(new PartialKey<>(QualityKey.undecodable(STREAM, DecodeError.BAD_MAGIC_BYTE), "dead-letters", 0), 1L));
    }

    @Test
    void shouldRenderTheCountsAsTheDataQualityFileWithEveryRuleListed() {
        sendAMix();

        String csv = CsvFormat.render(DataQualityCsv.document(List.of(topology.spec), topology.dataQuality()));

        assertThat(csv).isEqualTo("""
                stream,metric,rule,count
                urban-sensors,accepted,,5
                urban-sensors,rejected,value-present,0
                urban-sensors,rejected,sensor-id-present,0
                urban-sensors,rejected,ts-positive,1
                urban-sensors,rejected,measurements-finite,0
                urban-sensors,rejected,vehicle-count-range,0
                urban-sensors,rejected,avg-speed-kmh-range,0
                urban-sensors,rejected,noise-db-range,2
                urban-sensors,rejected,pm25-range,0
                urban-sensors,rejected,pm10-range,0
                urban-sensors,duplicate,,2
                urban-sensors,undecodable,bad-magic-byte,2
                urban-sensors,undecodable,truncated,1
                urban-sensors,undecodable,unknown-schema-id,0
                urban-sensors,undecodable,unusable-schema,0
                urban-sensors,undecodable,wrong-record-type,0
                urban-sensors,undecodable,corrupt-payload,0
                """);
    }
}
