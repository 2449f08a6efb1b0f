package org.etlsuite.producer.burst;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /api/streams/{stream}/bursts}. The configurable upper limits are checked by
 * {@link BurstLimitsValidator}.
 *
 * @param events        how many events to generate and send
 * @param ratePerSecond target pace; absent means as fast as possible
 * @param seed          generator seed for a reproducible burst; absent means a random one (reported back)
 */
record BurstRequest(@NotNull @Min(1) Long events, @Positive Double ratePerSecond, Long seed) {
}
