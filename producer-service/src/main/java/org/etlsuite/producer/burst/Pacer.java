package org.etlsuite.producer.burst;

/** Decides when the next event of a burst may be sent. */
@FunctionalInterface
interface Pacer {

    /** No pacing: send as fast as the producer accepts records. */
    Pacer UNTHROTTLED = index -> {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
    };

    /** Blocks until event number {@code index} (0-based) is due. */
    void awaitTurn(long index) throws InterruptedException;
}
