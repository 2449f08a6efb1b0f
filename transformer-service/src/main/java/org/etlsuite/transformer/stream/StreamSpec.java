package org.etlsuite.transformer.stream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.etlsuite.transformer.table.KpiTable;

/**
 * What one event stream contributes to the steps every stream shares (decode, check, de-duplicate, enrich):
 * everything else, including the names of its topics and stores, follows from it. Those names are
 * part of the upgrade contract: renaming one orphans its state or data.
 *
 * @param topic        input topic; also the stream's name in {@code data_quality.csv} and the prefix of
 *                     every derived topic ({@code <topic>.DLT}, {@code <topic>.processed}, ...)
 * @param valueType    generated Avro class of the input events; an event of any other type is undecodable
 * @param processedType generated Avro class of the events in {@code <topic>.processed}
 * @param rules        the stream's data-quality rules in the order they are checked (a record is rejected by
 *                     the first it breaks); {@value QualityRule#VALUE_PRESENT} is checked before them
 * @param key          record key of an event in {@code <topic>.processed}: the key the producers use
 * @param eventId      identity of an event for de-duplication: two events with the same id are the same event
 * @param dedupKeying  whether the input key already places equal event ids on one partition
 * @param enrich       the stream's features: the accepted event as written to {@code <topic>.processed}
 */
public record StreamSpec<V extends SpecificRecord, P extends SpecificRecord>(
        String topic,
        Class<V> valueType,
        Class<P> processedType,
        List<QualityRule<V>> rules,
        Function<? super V, String> key,
        Function<? super V, String> eventId,
        DedupKeying dedupKeying,
        Function<? super V, P> enrich) {

    /**
     * De-duplication looks up an event id in the state store of the task that processes the record, so
     * every copy of an event must reach the same task.
     */
    public enum DedupKeying {

        /**
         * The input key is a function of the event id (for example a prefix of it, as the urban
         * {@code sensor_id} is of {@code sensor_id + ts}) and producers use the default partitioner: all
         * copies of an event have the same key, hence the same partition and task. No repartition needed.
         */
        INPUT_KEY,

        /**
         * The input key does not determine the event id (product events are keyed by user, de-duplicated by
         * {@code event_id}): the checked events are re-keyed by event id and repartitioned through
         * {@code <app-id>-<topic>-by-event-id-repartition} before the de-duplication step.
         */
        REPARTITION_BY_EVENT_ID
    }

    public StreamSpec {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(processedType, "processedType");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(dedupKeying, "dedupKeying");
        Objects.requireNonNull(enrich, "enrich");
        if (topic.isBlank() || topic.contains("|")) {
            throw new IllegalArgumentException("topic must be a non-blank topic name without '|', was '" + topic + "'");
        }
        rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        names.add(QualityRule.VALUE_PRESENT);
        for (QualityRule<V> rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("rule names must be unique per stream (and '" + QualityRule.VALUE_PRESENT
                        + "' is reserved), '" + rule.name() + "' is not");
            }
        }
    }

    /** {@value QualityRule#VALUE_PRESENT} followed by the stream's own rules: the order they are checked in. */
    public List<QualityRule<V>> checkedRules() {
        List<QualityRule<V>> all = new ArrayList<>(rules.size() + 1);
        all.add(QualityRule.valuePresent());
        all.addAll(rules);
        return List.copyOf(all);
    }

    /** Undecodable and rejected records, original bytes and headers plus {@code etl.dlt.*} headers. */
    public String deadLetterTopic() {
        return deadLetterTopic(topic);
    }

    /** The dead-letter topic of the stream read from {@code topic}. */
    public static String deadLetterTopic(String topic) {
        return topic + ".DLT";
    }

    /** Accepted, de-duplicated, enriched events (Avro, Confluent wire format). */
    public String processedTopic() {
        return processedTopic(topic);
    }

    /** The processed topic of the stream read from {@code topic}. */
    public static String processedTopic(String topic) {
        return topic + ".processed";
    }

    /** Window store of the event ids seen recently (changelogged, so it survives crashes and rebalances). */
    public String eventIdStore() {
        return topic + "-event-ids";
    }

    /**
     * The stream's data-quality counts by metric and rule: what {@code data_quality.csv} shows. Counted
     * where each metric is decided (dead letters by the check step, accepted and duplicate records by the
     * de-duplication step), per partition.
     */
    public KpiTable<QualityKey, Long> dataQuality() {
        return new KpiTable<>(topic, "data-quality", new QualityKeySerde(), Serdes.Long(), Long::sum, List.of());
    }

    /** Name of a processing step of this stream, also used as a prefix of internal topic names. */
    public String step(String name) {
        return topic + "-" + name;
    }
}
