package org.etlsuite.transformer.run;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * Offsets per topic partition as one line of text for the run table, e.g.
 * {@code urban-sensors.processed:0=120,urban-sensors.processed:1=98}: readable in psql, and topic
 * names never contain ':', '=' or ','.
 */
final class OffsetsText {

    private static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    private OffsetsText() {
    }

    static String format(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> sorted = new TreeMap<>(ORDER);
        sorted.putAll(offsets);
        return sorted.entrySet().stream()
                .map(entry -> entry.getKey().topic() + ":" + entry.getKey().partition() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }

    static Map<TopicPartition, Long> parse(String text) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return offsets;
        }
        for (String entry : text.split(",")) {
            int colon = entry.lastIndexOf(':');
            int equals = entry.indexOf('=', colon);
            if (colon < 1 || equals < 0) {
                throw new IllegalArgumentException("Not an offset entry: '" + entry + "'");
            }
            offsets.put(new TopicPartition(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1, equals))),
                    Long.parseLong(entry.substring(equals + 1)));
        }
        return offsets;
    }
}
