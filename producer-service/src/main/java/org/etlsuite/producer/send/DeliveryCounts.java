package org.etlsuite.producer.send;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.NestedExceptionUtils;

/**
 * Counters of one burst or continuous run: events sent (handed to the producer), acked, failed, and the dirty ones
 * per defect; each count also goes to the stream's {@link ProducerMetrics}. The sending thread calls
 * {@link #recordSent}, producer callbacks call {@link #recordAck} / {@link #recordFailure} from the Kafka I/O thread.
 */
public final class DeliveryCounts {

    private final ProducerMetrics.StreamMeters meters;
    private final List<String> defects;
    private final AtomicLongArray dirty;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    /** @param defects the stream's defect kinds, in the order the views list them */
    public DeliveryCounts(ProducerMetrics.StreamMeters meters, List<String> defects) {
        this.meters = meters;
        this.defects = List.copyOf(defects);
        this.dirty = new AtomicLongArray(defects.size());
    }

    /** @param defect the event's defect, {@code null} for a clean event */
    public void recordSent(String defect) {
        if (defect != null) {
            int index = defects.indexOf(defect);
            if (index < 0) {
                throw new IllegalArgumentException("Unknown defect " + defect + "; known: " + defects);
            }
            dirty.incrementAndGet(index);
        }
        sent.incrementAndGet();
        meters.sent(defect);
    }

    public void recordAck() {
        acked.incrementAndGet();
        meters.acked();
    }

    /** Counts a failed event and remembers the first failure's description. */
    public void recordFailure(Throwable cause) {
        firstFailure.compareAndSet(null, describe(cause));
        failed.incrementAndGet();
        meters.failed();
    }

    public long sent() {
        return sent.get();
    }

    public long acked() {
        return acked.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Whether every sent event has been acked or has failed. */
    public boolean settled() {
        // The settled counters first: sent only grows, so this never sees more settled than sent by a race.
        long settled = acked.get() + failed.get();
        return settled == sent.get();
    }

    /** The first failure, e.g. {@code TimeoutException: expired}, or {@code null}. */
    public String firstFailure() {
        return firstFailure.get();
    }

    /** Dirty events sent, in total. */
    public long dirty() {
        long total = 0;
        for (int i = 0; i < dirty.length(); i++) {
            total += dirty.get(i);
        }
        return total;
    }

    /** Dirty events sent per defect, every defect of the stream in its order (zeros included). */
    public Map<String, Long> dirtyByDefect() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < defects.size(); i++) {
            counts.put(defects.get(i), dirty.get(i));
        }
        return counts;
    }

    /** The most specific cause as {@code SimpleName: message}. */
    public static String describe(Throwable cause) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        return root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
    }
}
