package org.etlsuite.transformer.run;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Body of {@code POST /api/pipelines/{p}/runs}; every field optional. Unknown fields are refused
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties}): a misspelt {@code event} must not
 * silently become a default-sized burst.
 *
 * @param generate        false: generate nothing and take what arrived since the previous such run; default true
 * @param events          burst size (exclusive with durationSeconds); default {@code etl.runs.default-events}
 * @param ratePerSecond   burst pace, at least 0.1 per second; absent: as fast as possible
 * @param durationSeconds burst by duration, requires ratePerSecond
 * @param seed            generator seed for a reproducible burst
 * @param dirtyFraction   share of events (0 to 1) that break a data-quality rule
 * @param trigger         {@code api} (default) or {@code manual} (a person, e.g. from a dashboard)
 */
public record RunRequest(Boolean generate, Long events, Double ratePerSecond, Double durationSeconds, Long seed,
                  Double dirtyFraction, String trigger) {

    static final double MIN_RATE_PER_SECOND = 0.1;

    public static RunRequest empty() {
        return new RunRequest(null, null, null, null, null, null, null);
    }

    /** @throws InvalidRunParametersException naming the first field in error */
    public RunParameters toParameters(long defaultEvents, long maxEvents) {
        if (generate != null && !generate) {
            if (events != null || ratePerSecond != null || durationSeconds != null || seed != null || dirtyFraction != null) {
                throw new InvalidRunParametersException(
                        "events, ratePerSecond, durationSeconds, seed and dirtyFraction describe a burst; they are not allowed with generate=false");
            }
            return RunParameters.existingEvents();
        }
        if (events != null && durationSeconds != null) {
            throw new InvalidRunParametersException("Give either events or durationSeconds, not both");
        }
        if (ratePerSecond != null && !(ratePerSecond >= MIN_RATE_PER_SECOND && Double.isFinite(ratePerSecond))) {
            throw new InvalidRunParametersException("ratePerSecond must be a number of at least " + MIN_RATE_PER_SECOND + ", was " + ratePerSecond);
        }
        if (dirtyFraction != null && !(dirtyFraction >= 0 && dirtyFraction <= 1)) {
            throw new InvalidRunParametersException("dirtyFraction must be between 0 and 1, was " + dirtyFraction);
        }
        long count;
        if (durationSeconds != null) {
            if (!(durationSeconds > 0 && Double.isFinite(durationSeconds))) {
                throw new InvalidRunParametersException("durationSeconds must be positive, was " + durationSeconds);
            }
            if (ratePerSecond == null) {
                throw new InvalidRunParametersException("durationSeconds requires ratePerSecond");
            }
            BigDecimal exact = BigDecimal.valueOf(durationSeconds).multiply(BigDecimal.valueOf(ratePerSecond))
                    .setScale(0, RoundingMode.HALF_UP);
            // compared before it becomes a long: a product beyond 2^63 would wrap round to a small count
            if (exact.compareTo(BigDecimal.valueOf(maxEvents)) > 0) {
                throw new InvalidRunParametersException("A run holds at most " + maxEvents + " events (etl.runs.max-events), asked for "
                        + exact.toPlainString());
            }
            count = exact.longValueExact();
            if (count < 1) {
                throw new InvalidRunParametersException("durationSeconds × ratePerSecond must make at least one event, was "
                        + durationSeconds + " × " + ratePerSecond);
            }
        } else {
            count = events != null ? events : defaultEvents;
            if (count < 1) {
                throw new InvalidRunParametersException("events must be at least 1, was " + count);
            }
        }
        if (count > maxEvents) {
            throw new InvalidRunParametersException("A run holds at most " + maxEvents + " events (etl.runs.max-events), asked for " + count);
        }
        return new RunParameters(true, durationSeconds != null ? null : count, ratePerSecond, durationSeconds, seed, dirtyFraction);
    }

    /** @throws InvalidRunParametersException for anything but api or manual */
    RunTrigger toTrigger() {
        if (trigger == null || trigger.equalsIgnoreCase("api")) {
            return RunTrigger.API;
        }
        if (trigger.equalsIgnoreCase("manual")) {
            return RunTrigger.MANUAL;
        }
        throw new InvalidRunParametersException("trigger must be 'api' or 'manual', was '" + trigger + "'");
    }
}
