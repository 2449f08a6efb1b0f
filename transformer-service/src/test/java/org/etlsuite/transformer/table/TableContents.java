package org.etlsuite.transformer.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** Reads a {@link KpiTable} out of a {@link TopologyTestDriver} the way the exports read it from a running client. */
public final class TableContents {

    /** Longer than any emit interval the tests use, so every aggregation step publishes. */
    public static final Duration PUBLISH = Duration.ofSeconds(1);

    private TableContents() {
    }

    /** The combined committed table, after letting every aggregation step publish what changed. */
    public static <K, A> Map<K, A> of(TopologyTestDriver driver, KpiTable<K, A> table) {
        return table.combine(partials(driver, table).iterator());
    }

    /** The partials in the global store, after letting every aggregation step publish what changed. */
    public static <K, A> List<KeyValue<PartialKey<K>, A>> partials(TopologyTestDriver driver, KpiTable<K, A> table) {
        driver.advanceWallClockTime(PUBLISH);
        KeyValueStore<PartialKey<K>, ValueAndTimestamp<A>> store = driver.getTimestampedKeyValueStore(table.globalStore());
        List<KeyValue<PartialKey<K>, A>> partials = new ArrayList<>();
        try (KeyValueIterator<PartialKey<K>, ValueAndTimestamp<A>> all = store.all()) {
            all.forEachRemaining(entry -> partials.add(KeyValue.pair(entry.key, entry.value.value())));
        }
        return partials;
    }
}
