package org.etlsuite.producer.burst;

/**
 * Life cycle of a burst as the status endpoints report it. Only {@link #RUNNING} changes; the others are terminal,
 * although counters keep moving (and {@code finishedAt} stays empty) until the records already sent have settled.
 */
enum BurstState {
    /** Accepted; events are being sent (or wait for a free burst thread), or acknowledgements are outstanding. */
    RUNNING,
    /** Every requested event was sent and acknowledged by the broker. */
    COMPLETED,
    /** At least one event could not be delivered, or the burst was stopped by a shutdown. */
    FAILED,
    /** Stopped on request ({@code DELETE}); events sent before still count as acked or failed. */
    CANCELLED
}
