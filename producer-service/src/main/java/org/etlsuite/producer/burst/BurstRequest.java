package org.etlsuite.producer.burst;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/streams/{stream}/bursts}. The configurable limits (largest {@code events} and
 * {@code ratePerSecond}, longest duration) are checked by {@link BurstLimitsValidator}.
 *
 * @param events        how many events to generate and send
 * @param ratePerSecond target pace, at least {@value #MIN_RATE_PER_SECOND} events per second; absent means as fast
 *                      as possible
 * @param seed          generator seed for a reproducible burst; absent means a random one (reported back)
 */
record BurstRequest(@NotNull @Min(1) Long events, @DecimalMin(MIN_RATE_PER_SECOND) Double ratePerSecond, Long seed) {

    /** The slowest pace the product offers; anything slower is a mistake (or an attempt to park a thread). */
    static final String MIN_RATE_PER_SECOND = "0.1";
}
