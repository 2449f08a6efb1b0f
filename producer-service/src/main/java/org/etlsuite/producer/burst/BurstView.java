package org.etlsuite.producer.burst;

import java.time.Instant;

/**
 * Snapshot of a burst, the body of the burst endpoints.
 *
 * @param requested     events asked for
 * @param sent          events handed to the Kafka producer
 * @param acked         events acknowledged by the broker
 * @param failed        events that could not be delivered
 * @param finishedAt    when the last outstanding send settled; {@code null} while running
 * @param ratePerSecond requested pace; {@code null} means as fast as possible
 * @param seed          generator seed; replaying it reproduces the same events
 * @param error         first failure, if any
 */
record BurstView(String id, String stream, long requested, long sent, long acked, long failed, BurstState state,
                 Instant startedAt, Instant finishedAt, Double ratePerSecond, long seed, String error) {
}
