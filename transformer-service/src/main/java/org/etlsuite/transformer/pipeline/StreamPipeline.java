package org.etlsuite.transformer.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The steps every event stream shares, built from its {@link StreamSpec}:
 *
 * <pre>
 * &lt;topic&gt; (raw bytes) ─ check: decode + data-quality rules
 *   ├─ dead letters ─► &lt;topic&gt;.DLT (original key, value and headers + etl.dlt.* headers)
 *   │      └─ count by (metric, rule) ─► KTable &lt;topic&gt;-dead-letter-counts ─┐
 *   └─ valid ─ [re-key by event id + repartition, unless the input key already places equal ids together]
 *        ─ dedup (window store &lt;topic&gt;-event-ids)                        │
 *            ├─ count accepted / duplicate ─► KTable &lt;topic&gt;-dedup-counts ─┤
 *            └─ accepted ─ enrich ─► &lt;topic&gt;.processed (Avro)             ▼
 *                          └─► returned to the stream's own aggregations   &lt;topic&gt;.data-quality (compacted)
 *                                                                           ─► global store (read_committed) ─► CSV
 * </pre>
 *
 * Every write of a step (dead letters, processed events, repartitioned counters, changelogs) is part of
 * the exactly-once transaction that also commits the offsets of the records it came from (one
 * transaction per stream thread with exactly_once_v2); the steps behind a repartition topic read only
 * committed records and commit in their own transactions. So a record is dead-lettered, processed and
 * counted exactly once, or, if a transaction aborts, not at all and read again.
 *
 * <p>The input is consumed as bytes, not through a serde: a record that is not an event then reaches
 * the check step, which can forward it, instead of failing in the consumer where the only choices are
 * to skip it or to stop.
 *
 * <p>The counts come from two KTables (one per step that decides the metric) that write disjoint keys
 * to the same compacted topic: the counting stays inside each step's sub-topology, whichever way the
 * de-duplication is keyed.
 */
public final class StreamPipeline<V extends SpecificRecord, P extends SpecificRecord> {

    private final StreamSpec<V, P> spec;
    private final RecordDecoder<V> decoder;
    private final Serde<P> processedSerde;
    private final Duration dedupWindow;
    private final Serde<QualityKey> counterSerde = new QualityKeySerde();

    /**
     * @param eventDeserializer configured Avro deserializer for the input ({@code specific.avro.reader=true})
     * @param processedSerde    configured Avro serde for {@code <topic>.processed}
     * @param dedupWindow       events with the same id less than this apart (record time) are duplicates
     */
    public StreamPipeline(StreamSpec<V, P> spec, Deserializer<?> eventDeserializer, Serde<P> processedSerde, Duration dedupWindow) {
        this(spec, new RecordDecoder<>(eventDeserializer, spec.valueType()), processedSerde, dedupWindow);
    }

    StreamPipeline(StreamSpec<V, P> spec, RecordDecoder<V> decoder, Serde<P> processedSerde, Duration dedupWindow) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.processedSerde = Objects.requireNonNull(processedSerde, "processedSerde");
        this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
    }

    public StreamSpec<V, P> spec() {
        return spec;
    }

    /**
     * Adds the shared steps to the builder and answers the accepted, de-duplicated, enriched events
     * (keyed by {@link StreamSpec#key()}) for the stream's own aggregations.
     */
    public KStream<String, P> addTo(StreamsBuilder builder) {
        KStream<String, Checked<V>> checked = builder
                .stream(spec.topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(spec.step("source")))
                .process(() -> new CheckProcessor<>(spec, decoder), Named.as(spec.step("check")));

        KStream<String, Checked.DeadLetter<V>> deadLetters = checked.flatMapValues(
                outcome -> outcome instanceof Checked.DeadLetter<V> deadLetter ? List.of(deadLetter) : List.of(),
                Named.as(spec.step("dead-letters")));
        deadLetters
                .map((key, deadLetter) -> KeyValue.pair(deadLetter.key(), deadLetter.value()), Named.as(spec.step("dead-letter-bytes")))
                .to(spec.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(spec.step("dead-letter-sink")));
        count(deadLetters.mapValues(Checked.DeadLetter::counter, Named.as(spec.step("dead-letter-counters"))),
                "dead-letters", spec.deadLetterCountStore());

        KStream<String, V> valid = checked.flatMapValues(
                outcome -> outcome instanceof Checked.Valid<V> event ? List.of(event.event()) : List.<V>of(),
                Named.as(spec.step("valid")));
        KStream<String, Deduplicated<V>> deduplicated = keyedForDedup(valid)
                .process(DeduplicateProcessor.supplier(spec, dedupWindow), Named.as(spec.step("dedup")));
        count(deduplicated.mapValues(outcome -> outcome.duplicate() ? QualityKey.duplicate(spec.topic()) : QualityKey.accepted(spec.topic()),
                Named.as(spec.step("dedup-counters"))), "dedup-outcomes", spec.dedupCountStore());

        KStream<String, P> processed = deduplicated
                .flatMapValues(outcome -> outcome.duplicate() ? List.<V>of() : List.of(outcome.event()), Named.as(spec.step("accepted")))
                .mapValues(event -> spec.enrich().apply(event), Named.as(spec.step("enrich")));
        processed.to(spec.processedTopic(), Produced.with(Serdes.String(), processedSerde).withName(spec.step("processed-sink")));

        builder.globalTable(spec.dataQualityTopic(),
                Consumed.with(counterSerde, Serdes.Long()).withName(spec.step("data-quality-committed")),
                Materialized.<QualityKey, Long, KeyValueStore<Bytes, byte[]>>as(spec.dataQualityGlobalStore())
                        .withKeySerde(counterSerde)
                        .withValueSerde(Serdes.Long()));
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

    /** Counts the counters into a KTable and publishes every change to the compacted data-quality topic. */
    private void count(KStream<String, QualityKey> counters, String what, String store) {
        counters.groupBy((key, counter) -> counter, Grouped.with(spec.step(what + "-by-counter"), counterSerde, counterSerde))
                .count(Named.as(spec.step("count-" + what)),
                        Materialized.<QualityKey, Long, KeyValueStore<Bytes, byte[]>>as(store)
                                .withKeySerde(counterSerde)
                                .withValueSerde(Serdes.Long()))
                .toStream(Named.as(spec.step(what + "-count-changes")))
                .to(spec.dataQualityTopic(), Produced.with(counterSerde, Serdes.Long()).withName(spec.step(what + "-count-sink")));
    }
}
