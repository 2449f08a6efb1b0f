package org.etlsuite.producer.send;

/** Decides when the next event of a burst or continuous stream may be sent. */
@FunctionalInterface
public interface Pacer {

    /** No pacing: send as fast as the producer accepts records. */
    Pacer UNTHROTTLED = index -> {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        return true;
    };

    /**
     * Blocks until event number {@code index} (0-based) is due.
     *
     * @return {@code false} if the wait was called off (a burst cancelled, a continuous stream stopped or re-rated):
     *         send nothing for this turn
     */
    boolean awaitTurn(long index) throws InterruptedException;
}
