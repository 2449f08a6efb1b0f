package org.etlsuite.producer.burst;

import java.time.Instant;
import java.util.Map;

/**
 * Snapshot of a burst, the body of the burst endpoints.
 *
 * @param requested       events asked for (for a burst by duration: {@code round(durationSeconds × ratePerSecond)})
 * @param durationSeconds the requested duration of a burst by duration; {@code null} for a burst by count
 * @param sent            events handed to the Kafka producer
 * @param acked           events acknowledged by the broker
 * @param failed          events that could not be delivered
 * @param dirty           dirty events sent (deliberately breaking a data-quality rule)
 * @param dirtyByDefect   dirty events sent per defect kind of the stream (zeros included)
 * @param finishedAt      when the last outstanding send settled; {@code null} while running
 * @param ratePerSecond   requested pace; {@code null} means as fast as possible
 * @param dirtyFraction   requested share of dirty events
 * @param backfill        past window of the event times (ISO-8601), {@code null} for the current time
 * @param seed            generator seed; replaying it reproduces the same events
 * @param error           first failure, if any
 */
record BurstView(String id, String stream, long requested, Double durationSeconds, long sent, long acked, long failed,
                 long dirty, Map<String, Long> dirtyByDefect, BurstState state, Instant startedAt, Instant finishedAt,
                 Double ratePerSecond, double dirtyFraction, String backfill, long seed, String error) {
}
