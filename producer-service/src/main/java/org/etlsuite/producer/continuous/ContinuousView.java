package org.etlsuite.producer.continuous;

import java.time.Instant;
import java.util.Map;

/**
 * Snapshot of a stream's continuous generator: the running one, or else the last one (until the next start). A
 * stream that never ran one is {@code STOPPED} with nothing set and zero counts.
 *
 * @param ratePerSecond current rate; {@code null} means as fast as possible (or never started)
 * @param dirtyFraction current share of dirty events
 * @param seed          generator seed of the run
 * @param backfill      past window of the event times (ISO-8601), {@code null} for the current time
 * @param sent          events handed to the Kafka producer since the start
 * @param acked         events acknowledged by the broker since the start
 * @param failed        events that could not be delivered since the start
 * @param dirty         dirty events sent since the start
 * @param dirtyByDefect dirty events sent per defect kind of the stream (zeros included)
 * @param stoppedAt     when the generator stopped sending; {@code null} while running
 * @param error         why the generator stopped on its own, or the first delivery failure; {@code null} if none
 */
public record ContinuousView(String stream, ContinuousState state, Double ratePerSecond, Double dirtyFraction,
                             Long seed, String backfill, long sent, long acked, long failed, long dirty,
                             Map<String, Long> dirtyByDefect, Instant startedAt, Instant stoppedAt, String error) {
}
