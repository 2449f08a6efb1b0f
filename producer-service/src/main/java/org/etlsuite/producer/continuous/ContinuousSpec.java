package org.etlsuite.producer.continuous;

import java.time.Duration;

/**
 * A valid continuous stream to run.
 *
 * @param ratePerSecond events per second; {@code null} means as fast as possible
 * @param seed          generator seed; {@code null} means a random one (or the running stream's)
 * @param dirtyFraction share of dirty events, 0 to 1
 * @param backfill      past window of the event times; {@code null} means the current instant
 */
record ContinuousSpec(Double ratePerSecond, Long seed, double dirtyFraction, Duration backfill) {
}
