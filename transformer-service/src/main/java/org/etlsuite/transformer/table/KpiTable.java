package org.etlsuite.transformer.table;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.kafkastreams.StreamsStores;

/**
 * The one building block behind every exported table (the urban hourly aggregate, the product and
 * transport KPIs, the data-quality counts):
 *
 * <pre>
 * events ─ aggregate per task (store &lt;stream&gt;-&lt;table&gt;-&lt;step&gt;) ─► &lt;stream&gt;.&lt;table&gt;-by-partition (compacted)
 *   ─► global store &lt;stream&gt;-&lt;table&gt; (read_committed) ─ combine the partials ─► CSV files
 * </pre>
 *
 * No record is repartitioned for counting: every task aggregates its own partition's records (see
 * {@link PartialAggregator}), and the partials of all partitions are added up only when a file is
 * written. A cell that most events hit (one sensor, one user, the "accepted" counter) is therefore
 * counted by every task in parallel instead of by the one task its key would hash to.
 *
 * <p>Why the detour through the topic: with exactly-once the task stores may hold writes of a
 * transaction that is later aborted; a global store reads its topic with read_committed, so it only
 * ever holds committed totals, and every instance holds all partials, which a whole-file export needs.
 *
 * <p>The names follow from the stream and the table's name and are part of the upgrade contract:
 * renaming one orphans its data.
 *
 * @param <K> the table's key (cell); its serde must write UTF-8 text (see {@link PartialKeySerde})
 * @param <A> the aggregate of a cell; immutable, {@code plus} associative and commutative
 */
public final class KpiTable<K, A> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String stream;
    private final String name;
    private final Serde<K> cellSerde;
    private final Serde<A> valueSerde;
    private final BinaryOperator<A> plus;
    private final List<TableFile<K, A>> files;
    private final PartialKeySerde<K> partialKeySerde;

    /**
     * @param stream the stream's input topic, prefix of every name here
     * @param name   kebab-case name of the table within the stream, e.g. {@code hourly}
     * @param files  the files exported from the table (none when another export reads it)
     */
    public KpiTable(String stream, String name, Serde<K> cellSerde, Serde<A> valueSerde, BinaryOperator<A> plus,
                    List<TableFile<K, A>> files) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.name = requireKebabCase(name, "table name");
        this.cellSerde = Objects.requireNonNull(cellSerde, "cellSerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
        this.plus = Objects.requireNonNull(plus, "plus");
        this.files = List.copyOf(files);
        this.partialKeySerde = new PartialKeySerde<>(cellSerde);
    }

    public String stream() {
        return stream;
    }

    public String name() {
        return name;
    }

    /** Serde of the keys of {@link #topic()} and of the global store. */
    public Serde<PartialKey<K>> partialKeySerde() {
        return partialKeySerde;
    }

    /** Serde of a cell's aggregate: the values of {@link #topic()}, the task stores and the global store. */
    public Serde<A> valueSerde() {
        return valueSerde;
    }

    /** Compacted topic of the partials: key {@link PartialKey} (text), value the partial aggregate. */
    public String topic() {
        return stream + "." + name + "-by-partition";
    }

    /** Global store fed from {@link #topic()} with read_committed: what the exports read. */
    public String globalStore() {
        return stream + "-" + name;
    }

    /** The task-local store of one aggregation step's totals (changelogged, may hold uncommitted writes). */
    public String partialStore(String step) {
        return stream + "-" + name + "-" + step;
    }

    /**
     * Adds an aggregation step: every record of {@code events} adds its cells to the totals of the task
     * that reads it, and the changed totals are published to {@link #topic()} every {@code emitInterval}.
     * A table may have several steps (say one before and one after a repartition); each owns its partials.
     *
     * @param step  kebab-case name of the step, unique within the table
     * @param cells the cells one record counts in, each with the aggregate of that one record
     */
    public <KIn, V> void aggregate(KStream<KIn, V> events, String step, Function<? super V, ? extends Collection<KeyValue<K, A>>> cells,
                                   Duration emitInterval) {
        requireKebabCase(step, "step name");
        String store = partialStore(step);
        // In memory: a task's partials are a few cells per bucket, restored from the compacted changelog in
        // moments. The record cache in front coalesces the changelog writes to one per changed cell per commit.
        StoreBuilder<KeyValueStore<K, A>> totals = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), cellSerde, valueSerde)
                .withCachingEnabled();
        ProcessorSupplier<KIn, V, PartialKey<K>, A> aggregator = new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, V, PartialKey<K>, A> get() {
                return new PartialAggregator<>(store, step, cells, plus, emitInterval);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(totals);
            }
        };
        events.process(aggregator, Named.as(store + "-aggregate"))
                .to(topic(), Produced.with(partialKeySerde, valueSerde).withName(store + "-publish"));
    }

    /** Adds the global store every export reads. Once per table and builder. */
    public void addGlobalStore(StreamsBuilder builder) {
        builder.globalTable(topic(),
                Consumed.with(partialKeySerde, valueSerde).withName(globalStore() + "-committed"),
                Materialized.<PartialKey<K>, A, KeyValueStore<Bytes, byte[]>>as(globalStore())
                        .withKeySerde(partialKeySerde)
                        .withValueSerde(valueSerde));
    }

    /**
     * The whole committed table (the partials of every step and partition added up), or empty while it
     * cannot be known: only while Kafka Streams is RUNNING, when the global store is fully restored
     * (during the REBALANCING before the first RUNNING it may still be loading, and a file written then
     * would be partial). Once RUNNING an empty store means an empty table.
     */
    public Optional<Map<K, A>> snapshot(StreamsStores stores) {
        // Checked before reading: a global store complete at this moment stays complete afterwards.
        if (!stores.isRunning()) {
            return Optional.empty();
        }
        Optional<ReadOnlyKeyValueStore<PartialKey<K>, A>> store = stores.keyValueStore(globalStore());
        if (store.isEmpty()) {
            return Optional.empty();
        }
        try (KeyValueIterator<PartialKey<K>, A> all = store.get().all()) {
            return Optional.of(combine(all));
        }
    }

    /** Adds up the partials of each cell. */
    public Map<K, A> combine(Iterator<KeyValue<PartialKey<K>, A>> partials) {
        Map<K, A> table = new HashMap<>();
        partials.forEachRemaining(partial -> table.merge(partial.key.cell(), partial.value, plus));
        return table;
    }

    /** One export source per file of the table. */
    public List<CsvExportSource> exports(StreamsStores stores) {
        return files.stream().<CsvExportSource>map(file -> new TableCsvSource<>(this, file, stores)).toList();
    }

    private static String requireKebabCase(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("a " + what + " is kebab-case (it is part of topic and store names), was '" + value + "'");
        }
        return value;
    }
}
