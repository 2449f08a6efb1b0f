package org.etlsuite.producer.burst;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.etlsuite.producer.web.RequestChecks;

/**
 * Body of {@code POST /api/streams/{stream}/bursts}: a burst by count ({@code events}) or by duration
 * ({@code durationSeconds} at {@code ratePerSecond}), exactly one of the two. The rules that need configuration or
 * several fields are checked by {@link BurstLimitsValidator}.
 *
 * @param events          how many events to generate and send
 * @param durationSeconds how long to send at {@code ratePerSecond}, which it requires; the burst then holds
 *                        {@code round(durationSeconds × ratePerSecond)} events, fixed when the request is accepted
 * @param ratePerSecond   target pace, at least {@value #MIN_RATE_PER_SECOND} events per second; absent means as fast
 *                        as possible (by count only)
 * @param seed            generator seed for a reproducible burst; absent means a random one (reported back)
 * @param dirtyFraction   share of events, 0 to 1, replaced by schema-valid events that break a data-quality rule;
 *                        absent means 0
 * @param backfill        ISO-8601 duration such as {@code P7D}: event times spread over that past window instead of
 *                        the current instant; absent means now
 */
record BurstRequest(@Min(1) Long events, @Positive Double durationSeconds,
                    @DecimalMin(MIN_RATE_PER_SECOND) Double ratePerSecond, Long seed, Double dirtyFraction,
                    String backfill) {

    /** The slowest pace the product offers; anything slower is a mistake (or an attempt to park a thread). */
    static final String MIN_RATE_PER_SECOND = "0.1";

    /**
     * Events of a burst by duration: {@code durationSeconds × ratePerSecond} rounded half up, in exact decimal
     * arithmetic (30 s at 0.1/s are exactly 3 events, not 2.9999999999999996 rounded).
     */
    static long eventsFor(BigDecimal durationSeconds, BigDecimal ratePerSecond) {
        return durationSeconds.multiply(ratePerSecond).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** What to start, once the request is valid. */
    BurstSpec toSpec() {
        long count = events != null ? events : eventsFor(BigDecimal.valueOf(durationSeconds), BigDecimal.valueOf(ratePerSecond));
        return new BurstSpec(count, durationSeconds, ratePerSecond, seed, dirtyFraction == null ? 0 : dirtyFraction,
                RequestChecks.parseBackfill(backfill));
    }
}
