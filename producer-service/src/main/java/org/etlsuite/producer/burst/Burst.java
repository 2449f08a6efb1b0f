package org.etlsuite.producer.burst;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.etlsuite.producer.send.DeliveryCounts;
import org.etlsuite.producer.web.RequestChecks;

/**
 * Live state of one burst. The sending thread calls {@link #tryRecordSent} and {@link #sendingFinished()};
 * producer callbacks call {@link #recordAck()} / {@link #recordFailure(Throwable)} from the Kafka I/O thread;
 * a request thread may {@link #cancel()}. The burst is finished when sending is over and every sent record has
 * settled (acked or failed).
 */
final class Burst {

    private final String id;
    private final String stream;
    private final BurstSpec spec;
    private final long seed;
    private final Instant startedAt;
    private final Clock clock;
    private final DeliveryCounts counts;

    private final AtomicReference<String> error = new AtomicReference<>();
    private final AtomicReference<Instant> finishedAt = new AtomicReference<>();
    private volatile boolean sendingDone;

    /** Guards {@link #cancelled} against the sent count: once cancel() returns, {@code sent} no longer grows. */
    private final Object sendLock = new Object();
    private volatile boolean cancelled;
    /** Released by cancel(), so a pacer waiting for the next event's turn wakes up at once. */
    private final CountDownLatch cancelSignal = new CountDownLatch(1);

    Burst(String id, String stream, BurstSpec spec, long seed, DeliveryCounts counts, Clock clock) {
        this.id = id;
        this.stream = stream;
        this.spec = spec;
        this.seed = seed;
        this.counts = counts;
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
        return spec.events();
    }

    Double ratePerSecond() {
        return spec.ratePerSecond();
    }

    long seed() {
        return seed;
    }

    /**
     * Counts the next record as sent, unless the burst was cancelled. Called before the record is handed to the
     * producer, so that acked + failed never exceeds sent.
     *
     * @param defect the record's defect, {@code null} for a clean record
     * @return {@code false} if the burst was cancelled: the record must not be sent
     */
    boolean tryRecordSent(String defect) {
        synchronized (sendLock) {
            if (cancelled) {
                return false;
            }
            counts.recordSent(defect);
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
        counts.recordAck();
        finishIfSettled();
    }

    void recordFailure(Throwable cause) {
        error.compareAndSet(null, DeliveryCounts.describe(cause));
        counts.recordFailure(cause);
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
        if (sendingDone && counts.settled()) {
            finishedAt.compareAndSet(null, clock.instant());
        }
    }

    BurstView view() {
        boolean cancelled = this.cancelled;
        // Read the settled counters before sent: sent only grows, so the snapshot never shows acked + failed > sent.
        Instant finished = finishedAt.get();
        String firstError = error.get();
        long ackedNow = counts.acked();
        long failedNow = counts.failed();
        long sentNow = counts.sent();
        // A cancel is only accepted while nothing has failed; a record that fails afterwards keeps it CANCELLED.
        BurstState state = cancelled ? BurstState.CANCELLED
                : firstError != null ? BurstState.FAILED
                : finished != null ? BurstState.COMPLETED
                : BurstState.RUNNING;
        return new BurstView(id, stream, spec.events(), spec.durationSeconds(), sentNow, ackedNow, failedNow,
                counts.dirty(), counts.dirtyByDefect(), state, startedAt, finished, spec.ratePerSecond(),
                spec.dirtyFraction(), RequestChecks.iso(spec.backfill()), seed, firstError);
    }

    /** Whether the burst counts as {@code state} in a summary (cheaper than a full view). */
    BurstState state() {
        return cancelled ? BurstState.CANCELLED
                : error.get() != null ? BurstState.FAILED
                : finishedAt.get() != null ? BurstState.COMPLETED
                : BurstState.RUNNING;
    }
}
