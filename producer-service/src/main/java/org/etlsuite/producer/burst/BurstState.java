package org.etlsuite.producer.burst;

/** Life cycle of a burst as the status endpoints report it. */
enum BurstState {
    /** Accepted; events are being sent or acknowledgements are outstanding. */
    RUNNING,
    /** Every requested event was sent and acknowledged by the broker. */
    COMPLETED,
    /** At least one event could not be delivered, or the burst was stopped; counters keep moving until in-flight sends settle. */
    FAILED
}
