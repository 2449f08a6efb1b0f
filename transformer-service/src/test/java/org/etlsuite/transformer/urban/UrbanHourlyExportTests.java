package org.etlsuite.transformer.urban;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.export.CsvExporter;
import org.etlsuite.transformer.export.ExportAudit;
import org.etlsuite.transformer.kpi.ExactSum;
import org.etlsuite.transformer.kafkastreams.StreamsStores;
import org.etlsuite.transformer.table.PartialKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the hourly file shows in each Kafka Streams state, through the real exporter and file
 * writer: the global store is only trusted once the client is RUNNING.
 */
class UrbanHourlyExportTests {

    private static final String HEADER = "location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db\n";
    private static final String STALE = HEADER + "Centro,2026-02-01,8,3,10.0,40.0,20.0,40.0,28.0,60.0\n";

    @TempDir
    Path dataDir;

    private final StreamsStores stores = mock(StreamsStores.class);
    private final ExportAudit audit = mock(ExportAudit.class);
    private final CsvExportSource source = UrbanSensorsStream.HOURLY.exports(stores).getFirst();
    private Path csv;

    @BeforeEach
    void staleFileFromAnEarlierRun() throws IOException {
        csv = dataDir.resolve(UrbanHourlyCsv.RELATIVE_PATH);
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, STALE);
    }

    private void export() {
        EtlProperties properties = new EtlProperties(dataDir, Duration.ofSeconds(2), dataDir.resolve("state"), 3, Duration.ofHours(1));
        new CsvExporter(List.of(source), properties, new AtomicFileWriter(), audit).exportAll();
    }

    /** A global store holding the table as one partial per bucket, all of partition 0. */
    private void streams(boolean running, Map<UrbanBucket, UrbanHourlyAggregate> table) {
        when(stores.isRunning()).thenReturn(running);
        ReadOnlyKeyValueStore<PartialKey<UrbanBucket>, UrbanHourlyAggregate> store = mock();
        when(store.all()).thenAnswer(invocation -> iterator(table));
        when(stores.<PartialKey<UrbanBucket>, UrbanHourlyAggregate>keyValueStore(UrbanSensorsStream.HOURLY.globalStore()))
                .thenReturn(Optional.of(store));
    }

    @Test
    void shouldWriteAHeaderOnlyFileWhenTheTableIsEmptyOnceStreamsIsRunning() throws IOException {
        streams(true, Map.of());

        export();

        assertThat(Files.readString(csv)).isEqualTo(HEADER);
        verify(audit).record(eq(UrbanHourlyCsv.RELATIVE_PATH), eq(0), eq(0L), anyString());
    }

    @Test
    void shouldLeaveTheFileAloneWhileStreamsIsNotRunningYetEvenWhenTheStoreIsEmpty() throws IOException {
        // REBALANCING at startup: the global store may still be restoring and look empty.
        streams(false, Map.of());

        export();

        assertThat(Files.readString(csv)).isEqualTo(STALE);
        verify(audit, never()).record(anyString(), anyInt(), anyLong(), anyString());
    }

    @Test
    void shouldLeaveTheFileAloneWhileStreamsIsNotRunningYetEvenWhenTheStoreHasRows() throws IOException {
        // A partly restored global store must not replace a complete file either.
        streams(false, Map.of(new UrbanBucket(UrbanLocation.CAUCEL, LocalDate.of(2026, 3, 1), 9), aggregate()));

        export();

        assertThat(Files.readString(csv)).isEqualTo(STALE);
        verify(audit, never()).record(anyString(), anyInt(), anyLong(), anyString());
    }

    @Test
    void shouldLeaveTheFileAloneWhileTheStoreIsNotQueryable() throws IOException {
        when(stores.isRunning()).thenReturn(true);
        when(stores.keyValueStore(UrbanSensorsStream.HOURLY.globalStore())).thenReturn(Optional.empty());

        export();

        assertThat(Files.readString(csv)).isEqualTo(STALE);
    }

    @Test
    void shouldWriteTheTableOnceStreamsIsRunning() throws IOException {
        streams(true, Map.of(new UrbanBucket(UrbanLocation.CAUCEL, LocalDate.of(2026, 3, 1), 9), aggregate()));

        export();

        assertThat(Files.readString(csv)).isEqualTo(HEADER + "Caucel,2026-03-01,9,2,15.0,35.0,15.0,30.0,21.0,55.0\n");
    }

    private static UrbanHourlyAggregate aggregate() {
        return new UrbanHourlyAggregate(2, 30, ExactSum.of(70.0), ExactSum.of(30.0), ExactSum.of(60.0), ExactSum.of(42.0), ExactSum.of(110.0));
    }

    private static KeyValueIterator<PartialKey<UrbanBucket>, UrbanHourlyAggregate> iterator(Map<UrbanBucket, UrbanHourlyAggregate> table) {
        Iterator<Map.Entry<UrbanBucket, UrbanHourlyAggregate>> entries = table.entrySet().iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public KeyValue<PartialKey<UrbanBucket>, UrbanHourlyAggregate> next() {
                Map.Entry<UrbanBucket, UrbanHourlyAggregate> entry = entries.next();
                return KeyValue.pair(new PartialKey<>(entry.getKey(), "accepted", 0), entry.getValue());
            }

            @Override
            public PartialKey<UrbanBucket> peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }
}
