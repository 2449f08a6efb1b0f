package org.etlsuite.producer.burst;

/**
 * How many of a stream's recent bursts (those still in the in-memory history) are in each state.
 *
 * @param running   accepted and not yet finished (sending, waiting for a thread, or waiting for acknowledgements)
 * @param completed every event sent and acknowledged
 * @param failed    stopped by a delivery failure or a shutdown
 * @param cancelled stopped on request
 */
public record BurstCounts(int running, int completed, int failed, int cancelled) {
}
