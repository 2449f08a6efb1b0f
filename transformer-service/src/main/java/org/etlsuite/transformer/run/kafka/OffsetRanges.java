package org.etlsuite.transformer.run.kafka;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Half-open offset ranges [from, to) per topic partition, stored as {@code topic:p=from-to,...}.
 *
 * @param from first offset per partition
 * @param to   first offset after the range per partition (same partitions as {@code from})
 */
public record OffsetRanges(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {

    public OffsetRanges {
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

    public String format() {
        Map<TopicPartition, String> ranges = new LinkedHashMap<>();
        from.forEach((partition, start) -> ranges.put(partition, start + "-" + to.get(partition)));
        return OffsetsText.formatEntries(ranges, range -> range);
    }

    public static OffsetRanges parse(String text) {
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

    public long size() {
        return from.entrySet().stream().mapToLong(entry -> to.get(entry.getKey()) - entry.getValue()).sum();
    }

    /**
     * These ranges with their ends pulled in so that they hold at most {@code max} offsets together; the
     * starts stay. Each partition gets an equal share, and what a shorter range leaves of its share goes
     * to the longer ones, so that no partition's backlog holds up the others. What is cut off is left for
     * the next range, which starts at these ends.
     */
    public OffsetRanges capped(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("A cap must not be negative, was " + max);
        }
        if (size() <= max) {
            return this;
        }
        // shortest first, ties by topic and partition: the same ranges are always cut the same way
        List<TopicPartition> shortestFirst = from.keySet().stream()
                .sorted(Comparator.<TopicPartition>comparingLong(partition -> to.get(partition) - from.get(partition))
                        .thenComparing(TopicPartition::topic)
                        .thenComparingInt(TopicPartition::partition))
                .toList();
        Map<TopicPartition, Long> ends = new HashMap<>();
        long left = max;
        for (int i = 0; i < shortestFirst.size(); i++) {
            TopicPartition partition = shortestFirst.get(i);
            long start = from.get(partition);
            // the share of what is left among the partitions still to come; the last one takes all of it
            long take = Math.min(to.get(partition) - start, left / (shortestFirst.size() - i));
            ends.put(partition, start + take);
            left -= take;
        }
        return new OffsetRanges(from, ends);
    }
}
