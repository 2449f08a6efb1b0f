package org.etlsuite.producer.continuous;

import jakarta.validation.constraints.DecimalMin;

import org.etlsuite.producer.web.RequestChecks;

/**
 * Body of {@code PUT /api/streams/{stream}/continuous}: the desired continuous stream. The configured limits and
 * the fields that need parsing are checked by {@link ContinuousRequestValidator}.
 *
 * @param ratePerSecond events per second, at least {@value #MIN_RATE_PER_SECOND}; absent means as fast as possible
 * @param seed          generator seed; absent means a random one when the stream starts (reported back), and "keep
 *                      the current one" for a running stream
 * @param dirtyFraction share of events, 0 to 1, replaced by schema-valid events that break a data-quality rule;
 *                      absent means 0
 * @param backfill      ISO-8601 duration such as {@code P7D}: event times spread over that past window (moving with
 *                      the clock) instead of the current instant; absent means now
 */
record ContinuousRequest(@DecimalMin(MIN_RATE_PER_SECOND) Double ratePerSecond, Long seed, Double dirtyFraction,
                         String backfill) {

    /** The slowest pace the product offers, as for bursts. */
    static final String MIN_RATE_PER_SECOND = "0.1";

    /** What to run, once the request is valid. */
    ContinuousSpec toSpec() {
        return new ContinuousSpec(ratePerSecond, seed, dirtyFraction == null ? 0 : dirtyFraction,
                RequestChecks.parseBackfill(backfill));
    }
}
