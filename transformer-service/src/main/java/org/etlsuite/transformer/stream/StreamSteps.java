package org.etlsuite.transformer.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.etlsuite.transformer.table.KpiTable;

/**
 * The steps every event stream shares, built from its {@link StreamSpec}:
 *
 * <pre>
 * &lt;topic&gt; (raw bytes) ─ check: decode + data-quality rules
 *   ├─ dead letters ─► &lt;topic&gt;.DLT (original key, value and headers + etl.dlt.* headers)
 *   │      └─ count by (metric, rule), per partition ──────────────────┐
 *   └─ valid ─ [re-key by event id + repartition, unless the input key already places equal ids together]
 *        ─ dedup (window store &lt;topic&gt;-event-ids)                      │
 *            ├─ count accepted / duplicate, per partition ─────────────┤
 *            └─ accepted ─ enrich ─► &lt;topic&gt;.processed (Avro)           ▼
 *                          └─► returned to the stream's own tables     data-quality table (see {@link KpiTable})
 * </pre>
 *
 * Every write of a step (dead letters, processed events, the counts' changelogs and partials) is part
 * of the exactly-once transaction that also commits the offsets of the records it came from (one
 * transaction per stream thread with exactly_once_v2); the steps behind a repartition topic read only
 * committed records and commit in their own transactions. So a record is dead-lettered, processed and
 * counted exactly once, or, if a transaction aborts, not at all and read again.
 *
 * <p>The input is consumed as bytes, not through a serde: a record that is not an event then reaches
 * the check step, which can forward it, instead of failing in the consumer where the only choices are
 * to skip it or to stop.
 *
 * <p>The counts are kept where each metric is decided, per task, and never repartitioned: every task
 * counts its own partition's records (see {@link KpiTable}), so even the one "accepted" counter that
 * every valid record of the stream hits is spread over all partitions and instances.
 */
public final class StreamSteps<V extends SpecificRecord, P extends SpecificRecord> {

    /** How often the tables publish their changed totals when nothing else says: Kafka Streams' exactly-once commit interval. */
    public static final Duration DEFAULT_EMIT_INTERVAL = Duration.ofMillis(100);

    /** Aggregation step of the data-quality table that counts the dead letters. */
    static final String DEAD_LETTER_STEP = "dead-letters";
    /** Aggregation step of the data-quality table that counts the de-duplication outcomes. */
    static final String DEDUP_STEP = "dedup-outcomes";

    private final StreamSpec<V, P> spec;
    private final RecordDecoder<V> decoder;
    private final Serde<P> processedSerde;
    private final Duration dedupWindow;
    private final Duration emitInterval;

    /**
     * @param eventDeserializer configured Avro deserializer for the input ({@code specific.avro.reader=true})
     * @param processedSerde    configured Avro serde for {@code <topic>.processed}
     * @param dedupWindow       events with the same id less than this apart (record time) are duplicates
     */
    public StreamSteps(StreamSpec<V, P> spec, Deserializer<?> eventDeserializer, Serde<P> processedSerde, Duration dedupWindow) {
        this(spec, eventDeserializer, processedSerde, dedupWindow, DEFAULT_EMIT_INTERVAL);
    }

    /** @param emitInterval how often the tables publish their changed totals (the commit interval) */
    public StreamSteps(StreamSpec<V, P> spec, Deserializer<?> eventDeserializer, Serde<P> processedSerde, Duration dedupWindow,
                       Duration emitInterval) {
        this(spec, new RecordDecoder<>(eventDeserializer, spec.valueType()), processedSerde, dedupWindow, emitInterval);
    }

    StreamSteps(StreamSpec<V, P> spec, RecordDecoder<V> decoder, Serde<P> processedSerde, Duration dedupWindow) {
        this(spec, decoder, processedSerde, dedupWindow, DEFAULT_EMIT_INTERVAL);
    }

    private StreamSteps(StreamSpec<V, P> spec, RecordDecoder<V> decoder, Serde<P> processedSerde, Duration dedupWindow,
                        Duration emitInterval) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.processedSerde = Objects.requireNonNull(processedSerde, "processedSerde");
        this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
        this.emitInterval = Objects.requireNonNull(emitInterval, "emitInterval");
        if (!emitInterval.isPositive()) {
            throw new IllegalArgumentException("the emit interval must be positive, was " + emitInterval);
        }
    }

    public StreamSpec<V, P> spec() {
        return spec;
    }

    /** How often the stream's tables publish their changed totals. */
    public Duration emitInterval() {
        return emitInterval;
    }

    /**
     * Adds the shared steps to the builder and answers the accepted, de-duplicated, enriched events
     * (keyed by {@link StreamSpec#key()}) for the stream's own tables.
     */
    public KStream<String, P> addTo(StreamsBuilder builder) {
        KpiTable<QualityKey, Long> quality = spec.dataQuality();
        KStream<String, Checked<V>> checked = builder
                .stream(spec.topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(spec.step("source")))
                .process(() -> new CheckProcessor<>(spec, decoder), Named.as(spec.step("check")));

        KStream<String, Checked.DeadLetter<V>> deadLetters = checked.flatMapValues(
                outcome -> outcome instanceof Checked.DeadLetter<V> deadLetter ? List.of(deadLetter) : List.of(),
                Named.as(spec.step("dead-letters")));
        deadLetters
                .map((key, deadLetter) -> KeyValue.pair(deadLetter.key(), deadLetter.value()), Named.as(spec.step("dead-letter-bytes")))
                .to(spec.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(spec.step("dead-letter-sink")));
        quality.aggregate(deadLetters, DEAD_LETTER_STEP, deadLetter -> List.of(KeyValue.pair(deadLetter.counter(), 1L)), emitInterval);

        KStream<String, V> valid = checked.flatMapValues(
                outcome -> outcome instanceof Checked.Valid<V> event ? List.of(event.event()) : List.<V>of(),
                Named.as(spec.step("valid")));
        KStream<String, Deduplicated<V>> deduplicated = keyedForDedup(valid)
                .process(DeduplicateProcessor.supplier(spec, dedupWindow), Named.as(spec.step("dedup")));
        List<KeyValue<QualityKey, Long>> oneAccepted = List.of(KeyValue.pair(QualityKey.accepted(spec.topic()), 1L));
        List<KeyValue<QualityKey, Long>> oneDuplicate = List.of(KeyValue.pair(QualityKey.duplicate(spec.topic()), 1L));
        quality.aggregate(deduplicated, DEDUP_STEP, outcome -> outcome.duplicate() ? oneDuplicate : oneAccepted, emitInterval);
        quality.addGlobalStore(builder);

        // Filter and enrichment in one step: every step a record passes copies its headers and costs a forward.
        KStream<String, P> processed = deduplicated.flatMapValues(
                outcome -> outcome.duplicate() ? List.<P>of() : List.of(spec.enrich().apply(outcome.event())),
                Named.as(spec.step("enrich-accepted")));
        processed.to(spec.processedTopic(), Produced.with(Serdes.String(), processedSerde).withName(spec.step("processed-sink")));
        return processed;
    }

    /**
     * Every copy of an event must reach the task whose store remembers its id. With
     * {@link StreamSpec.DedupKeying#INPUT_KEY} the input partitioning already guarantees that; otherwise
     * the events are re-keyed by id and repartitioned (in Avro single-object encoding, no registry).
     */
    private KStream<String, V> keyedForDedup(KStream<String, V> valid) {
        return switch (spec.dedupKeying()) {
            case INPUT_KEY -> valid;
            case REPARTITION_BY_EVENT_ID -> valid
                    .selectKey((key, event) -> spec.eventId().apply(event), Named.as(spec.step("key-by-event-id")))
                    .repartition(Repartitioned.<String, V>as(spec.step("by-event-id"))
                            .withKeySerde(Serdes.String())
                            .withValueSerde(new InternalAvroSerde<>(spec.valueType())));
        };
    }
}
