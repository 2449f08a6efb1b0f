package org.etlsuite.transformer.stream;

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

/**
 * Drops an event whose id was accepted less than the window before or after it, in record time (the
 * producer's send time). The ids live in a persistent window store: changelogged, so the memory of
 * seen ids survives a crash or a move of the task to another instance, and the store forgets them
 * segment by segment as stream time moves on, so its size depends on the event rate and the window,
 * not on the number of events ever processed.
 *
 * <p>An accepted id is stored under the start of its window-sized bucket of record time, with its exact
 * time as the value. Any copy less than a window away lies in the same bucket or in one of its two
 * neighbours, so the check is three point lookups, which RocksDB answers from its bloom filters for the
 * ids it has never seen, instead of a range scan that has to read the index of every file of every
 * segment it spans (a cost that grew with the events held in one window). A bucket holds at most one
 * accepted time per id: a second copy in the same bucket is less than a window away, so a duplicate.
 *
 * <p>Retention is three windows: an id accepted at time t is stored at a bucket start after t - window
 * and kept until stream time passes that start by three windows, so a copy arriving up to one window
 * behind stream time (out of order) is still recognised. Only accepted events are stored; a duplicate
 * does not extend the window.
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
                Stores.persistentWindowStore(spec.eventIdStore(), window.multipliedBy(3), window, false),
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
        long bucket = time - Math.floorMod(time, windowMs);
        boolean duplicate = acceptedWithinWindow(id, bucket, time)
                || bucket >= windowMs && acceptedWithinWindow(id, bucket - windowMs, time)
                || bucket <= Long.MAX_VALUE - windowMs && acceptedWithinWindow(id, bucket + windowMs, time);
        if (!duplicate) {
            seen.put(id, time, bucket);
        }
        context().forward(new Record<>(key.apply(event), new Deduplicated<>(event, duplicate), time, record.headers()));
    }

    /**
     * Whether the bucket holds an accepted copy within (time - window, time + window): both bounds
     * exclusive, so a copy exactly one window later is accepted again.
     */
    private boolean acceptedWithinWindow(String id, long bucket, long time) {
        Long accepted = seen.fetch(id, bucket);
        return accepted != null && Math.abs(accepted - time) < windowMs;
    }
}
