package org.etlsuite.transformer.pipeline;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose id was accepted less than the window before or after it, in record time (the
 * producer's send time). The ids live in a persistent window store: changelogged, so the memory of
 * seen ids survives a crash or a move of the task to another instance, and the store forgets them
 * segment by segment as stream time moves on, so its size depends on the event rate and the window,
 * not on the number of events ever processed.
 *
 * <p>Retention is twice the window: an id accepted at time t is kept until stream time passes
 * t + 2·window, so a copy arriving up to one window behind stream time (out of order) is still
 * recognised. Only accepted events are stored; a duplicate does not extend the window.
 */
final class DeduplicateProcessor<V extends SpecificRecord> extends ContextualProcessor<String, V, String, Deduplicated<V>> {

    private final String storeName;
    private final long windowMs;
    private final Function<? super V, String> eventId;
    private final Function<? super V, String> key;
    private WindowStore<String, Long> seen;

    private DeduplicateProcessor(String storeName, Duration window, Function<? super V, String> eventId, Function<? super V, String> key) {
        this.storeName = storeName;
        this.windowMs = window.toMillis();
        this.eventId = eventId;
        this.key = key;
    }

    /** The step with its store, for {@code KStream#process}. */
    static <V extends SpecificRecord> ProcessorSupplier<String, V, String, Deduplicated<V>> supplier(StreamSpec<V, ?> spec, Duration window) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("the de-duplication window must be at least 1 ms, was " + window);
        }
        StoreBuilder<WindowStore<String, Long>> store = Stores.windowStoreBuilder(
                Stores.persistentWindowStore(spec.eventIdStore(), window.multipliedBy(2), window, false),
                Serdes.String(), Serdes.Long());
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, V, String, Deduplicated<V>> get() {
                return new DeduplicateProcessor<>(spec.eventIdStore(), window, spec.eventId(), spec.key());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Deduplicated<V>> context) {
        super.init(context);
        seen = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        V event = record.value();
        String id = eventId.apply(event);
        long time = record.timestamp();
        boolean duplicate;
        // Accepted copies within (time - window, time + window): both bounds exclusive, so a copy exactly
        // one window later is accepted again.
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, Math.max(0, time - windowMs + 1), saturatedAdd(time, windowMs - 1))) {
            duplicate = earlier.hasNext();
        }
        if (!duplicate) {
            seen.put(id, time, time);
        }
        context().forward(record.withKey(key.apply(event)).withValue(new Deduplicated<>(event, duplicate)));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
