package org.etlsuite.producer.send;

import java.util.function.LongSupplier;

/**
 * Paces a burst by a fixed schedule: event {@code i} is due at {@code start + i / rate}. Sleeping a fixed
 * interval per event would add every send's own cost and every oversleep to the total (drift); against
 * absolute deadlines a late event is simply followed by the next one without waiting, so the long-run rate
 * stays the requested one. The waits go through a {@link Sleeper} that can call them off, so that cancelling a
 * slow burst (or stopping or re-rating a continuous stream) does not have to wait for the next event's turn.
 * A pacer's schedule is fixed at construction; a new rate takes a new pacer, whose schedule starts at its creation.
 */
public final class DeadlinePacer implements Pacer {

    /** Sleeps for the given nanoseconds or less (it may wake early) and reports interruption. */
    @FunctionalInterface
    public interface Sleeper {
        /** @return {@code true} if the wait was called off (the burst was cancelled, the stream stopped or re-rated) */
        boolean sleepNanos(long nanos) throws InterruptedException;
    }

    /** Caps the deadline offset (~73 years) so that absurdly slow rates cannot overflow nanoTime arithmetic. */
    private static final long MAX_OFFSET_NANOS = Long.MAX_VALUE / 4;

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final double intervalNanos;
    private final long startNanos;

    public DeadlinePacer(double ratePerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be a positive finite number: " + ratePerSecond);
        }
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.intervalNanos = 1_000_000_000.0 / ratePerSecond;
        this.startNanos = nanoTime.getAsLong();
    }

    /** A pacer whose schedule starts now, on the JVM's monotonic clock. */
    public static DeadlinePacer startingNow(double ratePerSecond, Sleeper sleeper) {
        return new DeadlinePacer(ratePerSecond, System::nanoTime, sleeper);
    }

    /** Nanoseconds after the start at which event {@code index} is due. */
    long offsetNanos(long index) {
        double offset = index * intervalNanos;
        return offset >= MAX_OFFSET_NANOS ? MAX_OFFSET_NANOS : Math.round(offset);
    }

    @Override
    public boolean awaitTurn(long index) throws InterruptedException {
        long deadline = startNanos + offsetNanos(index);
        long remaining;
        // Loop: a timed wait may return early (spuriously).
        while ((remaining = deadline - nanoTime.getAsLong()) > 0) {
            if (sleeper.sleepNanos(remaining)) {
                return false;
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        return true;
    }
}
