package org.etlsuite.transformer.table;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds the cells of every record to this task's own totals and publishes the totals that changed,
 * keyed by {@link PartialKey} (cell, step, this task's partition). Nothing is repartitioned: each task
 * aggregates the records of its own partition, so the counting spreads over partitions, threads and
 * instances exactly as the input does, however skewed the cells are.
 *
 * <p>Totals live in a changelogged store (record cache in front), so they are committed in the same
 * transaction as the input offsets they cover. They are published on a wall-clock schedule rather
 * than per record: one output record per changed cell per interval, however many records hit it.
 * A commit may fall between an update and its publication; then the store and its changelog hold the
 * newer total while the output topic shows the older one. That is why a task publishes every total it
 * holds when it (re)starts, after the store was restored: whatever was committed but not yet
 * published before a crash or a move to another instance is published then. Published values are
 * whole per-partition totals, never increments, so publishing a total twice changes nothing.
 *
 * <p>The totals are also kept as objects, read from the store once in {@link #init}: a record then
 * costs one store write (the record cache takes it; serialised once) instead of a read that
 * deserialises the total and a write, and a publication reads nothing back. The copy cannot drift from
 * the store, since this processor is the store's only writer and is initialised again whenever the
 * store is restored (after a crash, a move or a corrupted task).
 */
final class PartialAggregator<KIn, V, K, A> extends ContextualProcessor<KIn, V, PartialKey<K>, A> {

    private final String storeName;
    private final String step;
    private final Function<? super V, ? extends Collection<KeyValue<K, A>>> cells;
    private final BinaryOperator<A> plus;
    private final Duration emitInterval;
    /** Cells whose total changed since it was last published; insertion order keeps emission stable. */
    private final Set<K> changed = new LinkedHashSet<>();
    /** The store's contents as objects. */
    private final Map<K, A> current = new HashMap<>();
    private KeyValueStore<K, A> totals;
    private int partition;

    PartialAggregator(String storeName, String step, Function<? super V, ? extends Collection<KeyValue<K, A>>> cells,
                      BinaryOperator<A> plus, Duration emitInterval) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.step = Objects.requireNonNull(step, "step");
        this.cells = Objects.requireNonNull(cells, "cells");
        this.plus = Objects.requireNonNull(plus, "plus");
        this.emitInterval = Objects.requireNonNull(emitInterval, "emitInterval");
    }

    @Override
    public void init(ProcessorContext<PartialKey<K>, A> context) {
        super.init(context);
        totals = context.getStateStore(storeName);
        partition = context.taskId().partition();
        // The store is restored by now: republish all of it (see the class comment).
        current.clear();
        changed.clear();
        try (KeyValueIterator<K, A> all = totals.all()) {
            all.forEachRemaining(entry -> {
                current.put(entry.key, entry.value);
                changed.add(entry.key);
            });
        }
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    @Override
    public void process(Record<KIn, V> record) {
        for (KeyValue<K, A> cell : cells.apply(record.value())) {
            A total = current.merge(cell.key, cell.value, plus);
            totals.put(cell.key, total);
            changed.add(cell.key);
        }
    }

    private void publish(long timestamp) {
        for (K cell : changed) {
            context().forward(new Record<>(new PartialKey<>(cell, step, partition), current.get(cell), timestamp));
        }
        changed.clear();
    }
}
