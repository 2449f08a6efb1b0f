package org.etlsuite.producer.burst;

import java.time.Duration;

/**
 * A valid burst to start.
 *
 * @param events          events to send (for a burst by duration, computed from it)
 * @param durationSeconds the requested duration, {@code null} for a burst by count
 * @param ratePerSecond   pace; {@code null} means as fast as possible
 * @param seed            generator seed; {@code null} means a random one
 * @param dirtyFraction   share of dirty events, 0 to 1
 * @param backfill        past window of the event times; {@code null} means the current instant
 */
record BurstSpec(long events, Double durationSeconds, Double ratePerSecond, Long seed, double dirtyFraction,
                 Duration backfill) {

    /** A clean burst at the current time. */
    static BurstSpec of(long events, Double ratePerSecond, Long seed) {
        return new BurstSpec(events, null, ratePerSecond, seed, 0, null);
    }
}
