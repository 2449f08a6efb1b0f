package org.etlsuite.transformer.table;

import java.util.Objects;

/**
 * Key of one partial aggregate of a {@link KpiTable}: a cell of the table as one aggregation step
 * counted it on one partition. Every task owns its partials alone, so no key ever carries more than
 * one partition's share of a stream, and the table's cell is the sum of its partials.
 *
 * @param cell      the table's own key (a bucket, a KPI cell, a data-quality counter)
 * @param step      the aggregation step that owns the partial (a table may be fed by several steps)
 * @param partition the partition of the task that counted it
 */
public record PartialKey<K>(K cell, String step, int partition) {

    public PartialKey {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(step, "step");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, was " + partition);
        }
    }
}
