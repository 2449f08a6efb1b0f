package org.etlsuite.producer.burst;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.NestedExceptionUtils;

/**
 * Live counters of one burst. The sending thread calls {@link #recordSent()} and {@link #sendingFinished()};
 * producer callbacks call {@link #recordAck()} / {@link #recordFailure(Throwable)} from the Kafka I/O thread.
 * The burst is finished when sending is over and every sent record has settled (acked or failed).
 */
final class Burst {

    private final String id;
    private final String stream;
    private final long requested;
    private final Double ratePerSecond;
    private final long seed;
    private final Instant startedAt;
    private final Clock clock;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> error = new AtomicReference<>();
    private final AtomicReference<Instant> finishedAt = new AtomicReference<>();
    private volatile boolean sendingDone;

    Burst(String id, String stream, long requested, Double ratePerSecond, long seed, Clock clock) {
        this.id = id;
        this.stream = stream;
        this.requested = requested;
        this.ratePerSecond = ratePerSecond;
        this.seed = seed;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    String id() {
        return id;
    }

    String stream() {
        return stream;
    }

    long requested() {
        return requested;
    }

    Double ratePerSecond() {
        return ratePerSecond;
    }

    long seed() {
        return seed;
    }

    /** Called before a record is handed to the producer, so that acked + failed never exceeds sent. */
    void recordSent() {
        sent.incrementAndGet();
    }

    void recordAck() {
        acked.incrementAndGet();
        finishIfSettled();
    }

    void recordFailure(Throwable cause) {
        error.compareAndSet(null, describe(cause));
        failed.incrementAndGet();
        finishIfSettled();
    }

    /** Stops the burst without a record failure (e.g. the service shuts down). */
    void abort(String reason) {
        error.compareAndSet(null, reason);
    }

    boolean hasFailed() {
        return error.get() != null;
    }

    void sendingFinished() {
        sendingDone = true;
        finishIfSettled();
    }

    boolean isFinished() {
        return finishedAt.get() != null;
    }

    /*
     * Both the sending thread (after sendingDone) and the callbacks (after counting) check; the counters and the
     * flag are volatile, so whichever of them comes last sees the burst settled and stamps finishedAt once.
     */
    private void finishIfSettled() {
        if (sendingDone && acked.get() + failed.get() == sent.get()) {
            finishedAt.compareAndSet(null, clock.instant());
        }
    }

    BurstView view() {
        // Read the settled counters before sent: sent only grows, so the snapshot never shows acked + failed > sent.
        Instant finished = finishedAt.get();
        String firstError = error.get();
        long ackedNow = acked.get();
        long failedNow = failed.get();
        long sentNow = sent.get();
        BurstState state = firstError != null ? BurstState.FAILED
                : finished != null ? BurstState.COMPLETED
                : BurstState.RUNNING;
        return new BurstView(id, stream, requested, sentNow, ackedNow, failedNow, state, startedAt, finished,
                ratePerSecond, seed, firstError);
    }

    private static String describe(Throwable cause) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        return root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
    }
}
