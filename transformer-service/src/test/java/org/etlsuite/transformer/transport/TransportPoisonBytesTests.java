package org.etlsuite.transformer.transport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;
import org.etlsuite.transformer.stream.DeadLetterHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.transformer.transport.TestTrips.trip;

/** Bytes on transportation-stats that are not our Avro land in its DLT untouched, and the trips behind them still count. */
class TransportPoisonBytesTests {

    @TempDir
    Path stateDir;

    private StreamTopologyDriver<TransportTrip, TransportTripProcessed> topology;

    @BeforeEach
    void startDriver() {
        topology = TestTrips.driver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldDeadLetterPoisonBytesAsTheyCameAndKeepProcessing() {
        byte[] key = "not-a-trip".getBytes(StandardCharsets.UTF_8);
        byte[] badMagic = {7, 0, 0, 0, 1, 42};
        byte[] truncated = {0, 0, 0};
        TransportTrip trip = trip("2026-03-01T10:00:00", RouteType.IE_TRAM_CORRIDOR, BoardingArea.CENTRO,
                FareType.REGULAR, FarePaymentMethod.CARD, "12.00", 20, 30);

        topology.sendRaw(key, badMagic);
        topology.sendRaw(key, truncated);
        topology.send(trip);

        List<TestRecord<byte[], byte[]>> deadLetters = topology.deadLetters.readRecordsToList();
        assertThat(deadLetters).extracting(TestRecord::value).containsExactly(badMagic, truncated);
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterHeaders.REASON_DESERIALIZATION);
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("transportation-stats");
        });
        assertThat(topology.processed.readValuesToList()).extracting(TransportTripProcessed::getTransactionId)
                .containsExactly(trip.getTransactionId());
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
