package org.etlsuite.transformer.run;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * Half-open offset ranges [from, to) per topic partition, stored as {@code topic:p=from-to,...}.
 *
 * @param from first offset per partition
 * @param to   first offset after the range per partition (same partitions as {@code from})
 */
record OffsetRanges(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {

    OffsetRanges {
        if (!from.keySet().equals(to.keySet())) {
            throw new IllegalArgumentException("Ranges need both ends for the same partitions: " + from.keySet() + " vs " + to.keySet());
        }
        for (Map.Entry<TopicPartition, Long> start : from.entrySet()) {
            if (to.get(start.getKey()) < start.getValue()) {
                throw new IllegalArgumentException("Range of " + start.getKey() + " ends before it starts: "
                        + start.getValue() + "-" + to.get(start.getKey()));
            }
        }
        from = Map.copyOf(from);
        to = Map.copyOf(to);
    }

    String format() {
        return from.keySet().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(partition -> partition.topic() + ":" + partition.partition() + "=" + from.get(partition) + "-" + to.get(partition))
                .collect(Collectors.joining(","));
    }

    static OffsetRanges parse(String text) {
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        Map<TopicPartition, Long> to = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String entry : text.split(",")) {
                int colon = entry.lastIndexOf(':');
                int equals = entry.indexOf('=', colon);
                int dash = entry.indexOf('-', equals);
                if (colon < 1 || equals < 0 || dash < 0) {
                    throw new IllegalArgumentException("Not an offset range: '" + entry + "'");
                }
                TopicPartition partition = new TopicPartition(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1, equals)));
                from.put(partition, Long.parseLong(entry.substring(equals + 1, dash)));
                to.put(partition, Long.parseLong(entry.substring(dash + 1)));
            }
        }
        return new OffsetRanges(from, to);
    }

    long size() {
        return from.entrySet().stream().mapToLong(entry -> to.get(entry.getKey()) - entry.getValue()).sum();
    }
}
