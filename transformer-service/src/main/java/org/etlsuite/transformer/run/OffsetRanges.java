package org.etlsuite.transformer.run;

import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<TopicPartition, String> ranges = new LinkedHashMap<>();
        from.forEach((partition, start) -> ranges.put(partition, start + "-" + to.get(partition)));
        return OffsetsText.formatEntries(ranges, range -> range);
    }

    static OffsetRanges parse(String text) {
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        Map<TopicPartition, Long> to = new LinkedHashMap<>();
        OffsetsText.parseEntries(text, "offset range", (partition, range) -> {
            int dash = range.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("Not an offset range: '" + partition.topic() + ":" + partition.partition() + "=" + range + "'");
            }
            from.put(partition, Long.parseLong(range.substring(0, dash)));
            to.put(partition, Long.parseLong(range.substring(dash + 1)));
        });
        return new OffsetRanges(from, to);
    }

    long size() {
        return from.entrySet().stream().mapToLong(entry -> to.get(entry.getKey()) - entry.getValue()).sum();
    }
}
