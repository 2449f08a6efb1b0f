package org.etlsuite.transformer.table;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * What a stream's accepted events contribute to one of its tables: the cells each event counts in.
 *
 * @param table the table
 * @param cells the cells of one accepted event, each with that event's aggregate
 */
public record Aggregation<P, K, A>(KpiTable<K, A> table, Function<? super P, ? extends Collection<KeyValue<K, A>>> cells) {

    /** Name of the step that aggregates a stream's accepted events into its own tables. */
    public static final String ACCEPTED_STEP = "accepted";

    public Aggregation {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(cells, "cells");
    }

    /** Adds the table's aggregation of the accepted events and its global store. */
    public void addTo(StreamsBuilder builder, KStream<String, P> accepted, Duration emitInterval) {
        table.aggregate(accepted, ACCEPTED_STEP, cells, emitInterval);
        table.addGlobalStore(builder);
    }
}
