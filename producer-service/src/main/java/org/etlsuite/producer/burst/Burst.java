package org.etlsuite.producer.burst;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.NestedExceptionUtils;

/**
 * Live counters of one burst. The sending thread calls {@link #tryRecordSent()} and {@link #sendingFinished()};
 * producer callbacks call {@link #recordAck()} / {@link #recordFailure(Throwable)} from the Kafka I/O thread;
 * a request thread may {@link #cancel()}. The burst is finished when sending is over and every sent record has
 * settled (acked or failed).
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

    /** Guards {@link #cancelled} against {@link #sent}: once cancel() returns, {@code sent} no longer grows. */
    private final Object sendLock = new Object();
    private volatile boolean cancelled;
    /** Released by cancel(), so a pacer waiting for the next event's turn wakes up at once. */
    private final CountDownLatch cancelSignal = new CountDownLatch(1);

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

    /**
     * Counts the next record as sent, unless the burst was cancelled. Called before the record is handed to the
     * producer, so that acked + failed never exceeds sent.
     *
     * @return {@code false} if the burst was cancelled: the record must not be sent
     */
    boolean tryRecordSent() {
        synchronized (sendLock) {
            if (cancelled) {
                return false;
            }
            sent.incrementAndGet();
            return true;
        }
    }

    /**
     * Stops a running burst: no record is counted as sent after this returns, and a pending wait in
     * {@link #awaitCancellation(long)} ends at once. Records already sent still settle and are counted.
     *
     * @return {@code false} if the burst was no longer running (completed, failed or already cancelled)
     */
    boolean cancel() {
        synchronized (sendLock) {
            if (cancelled || hasFailed() || isFinished()) {
                return false;
            }
            cancelled = true;
        }
        cancelSignal.countDown();
        return true;
    }

    /**
     * Waits up to the given time unless the burst is cancelled.
     *
     * @return {@code true} if the burst is cancelled (the wait ended early, or never began)
     * @throws InterruptedException when the service shuts down
     */
    boolean awaitCancellation(long nanos) throws InterruptedException {
        return cancelSignal.await(nanos, TimeUnit.NANOSECONDS);
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
        boolean cancelled = this.cancelled;
        // Read the settled counters before sent: sent only grows, so the snapshot never shows acked + failed > sent.
        Instant finished = finishedAt.get();
        String firstError = error.get();
        long ackedNow = acked.get();
        long failedNow = failed.get();
        long sentNow = sent.get();
        // A cancel is only accepted while nothing has failed; a record that fails afterwards keeps it CANCELLED.
        BurstState state = cancelled ? BurstState.CANCELLED
                : firstError != null ? BurstState.FAILED
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
