package org.etlsuite.transformer.run;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The input offsets of a run's events, per partition: the set the output topics are filtered by.
 * Offsets arrive in increasing order per partition (the ranges are read in order), so each
 * partition is a sorted array searched by bisection: 8 bytes per event, no boxing.
 */
final class SourceOffsets {

    private final Map<Integer, long[]> offsets = new HashMap<>();
    private final Map<Integer, Integer> sizes = new HashMap<>();
    private long count;

    void add(int partition, long offset) {
        long[] array = offsets.computeIfAbsent(partition, p -> new long[1024]);
        int size = sizes.getOrDefault(partition, 0);
        if (size > 0 && array[size - 1] >= offset) {
            throw new IllegalArgumentException("Offsets must increase per partition: " + offset + " after " + array[size - 1]);
        }
        if (size == array.length) {
            array = Arrays.copyOf(array, size * 2);
            offsets.put(partition, array);
        }
        array[size] = offset;
        sizes.put(partition, size + 1);
        count++;
    }

    boolean contains(int partition, long offset) {
        long[] array = offsets.get(partition);
        return array != null && Arrays.binarySearch(array, 0, sizes.get(partition), offset) >= 0;
    }

    long count() {
        return count;
    }
}
