package org.etlsuite.producer.burst;

/** Decides when the next event of a burst may be sent. */
@FunctionalInterface
interface Pacer {

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
     * @return {@code false} if the wait was called off for good (the burst was cancelled): send nothing more
     */
    boolean awaitTurn(long index) throws InterruptedException;
}
