package org.etlsuite.transformer.stream;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.kafkastreams.StreamsStores;
import org.etlsuite.transformer.table.PartialKey;
import org.etlsuite.transformer.urban.UrbanSensorsStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DataQualityCsvSourceTests {

    private final StreamsStores stores = mock(StreamsStores.class);
    private final StreamSpec<?, ?> spec = UrbanSensorsStream.spec();
    private final DataQualityCsvSource source = new DataQualityCsvSource(stores, List.of(spec));

    private void store(Map<PartialKey<QualityKey>, Long> partials) {
        ReadOnlyKeyValueStore<PartialKey<QualityKey>, Long> store = mock();
        when(store.all()).thenAnswer(invocation -> iterator(partials));
        when(stores.<PartialKey<QualityKey>, Long>keyValueStore(spec.dataQuality().globalStore())).thenReturn(Optional.of(store));
    }

    private static PartialKey<QualityKey> partial(QualityKey counter, String step, int partition) {
        return new PartialKey<>(counter, step, partition);
    }

    @Test
    void shouldWriteToTheDataQualityFile() {
        assertThat(source.relativePath()).isEqualTo("processed/data_quality.csv");
    }

    @Test
    void shouldExportTheCommittedCountsOfAllPartitionsAddedUpOnceStreamsIsRunning() {
        when(stores.isRunning()).thenReturn(true);
        store(Map.of(partial(QualityKey.accepted("urban-sensors"), "dedup-outcomes", 0), 4L,
                partial(QualityKey.accepted("urban-sensors"), "dedup-outcomes", 2), 3L,
                partial(QualityKey.rejected("urban-sensors", "pm25-range"), "dead-letters", 1), 2L));

        Optional<CsvDocument> document = source.snapshot();

        assertThat(document).isPresent();
        assertThat(document.get().rows()).contains(List.of("urban-sensors", "accepted", "", "7"),
                List.of("urban-sensors", "rejected", "pm25-range", "2"), List.of("urban-sensors", "duplicate", "", "0"));
        assertThat(document.get().sourceRecords()).isEqualTo(9);
    }

    @Test
    void shouldLeaveTheFileAloneWhileStreamsIsNotRunning() {
        when(stores.isRunning()).thenReturn(false);
        store(Map.of(partial(QualityKey.accepted("urban-sensors"), "dedup-outcomes", 0), 7L));

        assertThat(source.snapshot()).isEmpty();
    }

    @Test
    void shouldLeaveTheFileAloneWhileAStoreCannotBeRead() {
        when(stores.isRunning()).thenReturn(true);
        when(stores.keyValueStore(spec.dataQuality().globalStore())).thenReturn(Optional.empty());

        assertThat(source.snapshot()).isEmpty();
    }

    private static KeyValueIterator<PartialKey<QualityKey>, Long> iterator(Map<PartialKey<QualityKey>, Long> counts) {
        Iterator<Map.Entry<PartialKey<QualityKey>, Long>> entries = counts.entrySet().iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public KeyValue<PartialKey<QualityKey>, Long> next() {
                Map.Entry<PartialKey<QualityKey>, Long> entry = entries.next();
                return KeyValue.pair(entry.getKey(), entry.getValue());
            }

            @Override
            public void close() {
            }

            @Override
            public PartialKey<QualityKey> peekNextKey() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
