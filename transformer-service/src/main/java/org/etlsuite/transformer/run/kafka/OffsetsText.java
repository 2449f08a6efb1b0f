package org.etlsuite.transformer.run.kafka;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * Offsets per topic partition as one line of text for the run table, e.g.
 * {@code urban-sensors.processed:0=120,urban-sensors.processed:1=98}: readable in psql, and topic
 * names never contain ':', '=' or ','. {@link OffsetRanges} uses the same entries with
 * {@code from-to} as the value.
 */
public final class OffsetsText {

    private static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    private OffsetsText() {
    }

    public static String format(Map<TopicPartition, Long> offsets) {
        return formatEntries(offsets, String::valueOf);
    }

    public static Map<TopicPartition, Long> parse(String text) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        parseEntries(text, "offset entry", (partition, value) -> offsets.put(partition, Long.parseLong(value)));
        return offsets;
    }

    /** {@code topic:partition=value} entries, sorted by topic and partition, joined by commas. */
    static <V> String formatEntries(Map<TopicPartition, V> entries, Function<V, String> value) {
        Map<TopicPartition, V> sorted = new TreeMap<>(ORDER);
        sorted.putAll(entries);
        return sorted.entrySet().stream()
                .map(entry -> entry.getKey().topic() + ":" + entry.getKey().partition() + "=" + value.apply(entry.getValue()))
                .collect(Collectors.joining(","));
    }

    /**
     * Hands each entry's partition and value text to {@code entry}; null or blank text has none.
     *
     * @param what names an entry in the error message of a malformed one, e.g. {@code offset range}
     */
    static void parseEntries(String text, String what, BiConsumer<TopicPartition, String> entry) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String item : text.split(",")) {
            int colon = item.lastIndexOf(':');
            int equals = item.indexOf('=', colon);
            if (colon < 1 || equals < 0) {
                throw new IllegalArgumentException("Not an " + what + ": '" + item + "'");
            }
            entry.accept(new TopicPartition(item.substring(0, colon), Integer.parseInt(item.substring(colon + 1, equals))),
                    item.substring(equals + 1));
        }
    }
}
