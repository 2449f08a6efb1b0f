package org.etlsuite.transformer.run.step;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.etlsuite.transformer.run.kafka.OffsetRanges;

/**
 * A set of input offsets of one run, per partition of its input topic: one bit per offset of the run's
 * range, bit {@code i} of a partition standing for offset {@code from + i}. Its memory follows from the
 * range alone, not from how many records the range holds or how they arrive: {@code ⌈(to − from) / 64⌉}
 * longs per partition, allocated once: a range of 1,000,000 offsets costs about 125 KB, with no boxed
 * values and no arrays growing per record.
 *
 * <p>The range of a run that takes existing events is at most {@code etl.runs.max-events} offsets long; a
 * generating run's range also spans what other producers wrote to the topic during its burst.
 */
final class SourceOffsets {

    private final Map<Integer, Partition> partitions = new HashMap<>();
    private long count;

    private record Partition(long from, long to, BitSet offsets) {

        boolean covers(long offset) {
            return offset >= from && offset < to;
        }

        int index(long offset) {
            return (int) (offset - from);
        }
    }

    /** An empty set for offsets within the ranges, which are those of one topic. */
    SourceOffsets(OffsetRanges ranges) {
        if (ranges.from().keySet().stream().map(TopicPartition::topic).distinct().count() > 1) {
            // output records name their source by partition number only
            throw new IllegalArgumentException("Source offsets are of one topic, got " + ranges.from().keySet());
        }
        ranges.from().forEach((partition, from) -> {
            long size = ranges.to().get(partition) - from;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("The range of " + partition + " spans " + size + " offsets, more than "
                        + Integer.MAX_VALUE + " a set can hold");
            }
            partitions.put(partition.partition(), new Partition(from, from + size, new BitSet((int) size)));
        });
    }

    /**
     * Adds an offset.
     *
     * @return whether it was new: false when it had been added before
     * @throws IllegalArgumentException when the offset lies outside the range
     */
    boolean add(int partition, long offset) {
        Partition range = partitions.get(partition);
        if (range == null || !range.covers(offset)) {
            throw new IllegalArgumentException("Offset " + offset + " of partition " + partition + " lies outside the range "
                    + (range == null ? "(no such partition)" : range.from() + "-" + range.to()));
        }
        int index = range.index(offset);
        if (range.offsets().get(index)) {
            return false;
        }
        range.offsets().set(index);
        count++;
        return true;
    }

    boolean contains(int partition, long offset) {
        Partition range = partitions.get(partition);
        return range != null && range.covers(offset) && range.offsets().get(range.index(offset));
    }

    long count() {
        return count;
    }

    /** Bytes the bits take, all partitions together. */
    long bytes() {
        return partitions.values().stream().mapToLong(range -> range.offsets().size() / Byte.SIZE).sum();
    }
}
