package org.etlsuite.producer.burst;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.etlsuite.producer.ProducerProperties;
import org.etlsuite.producer.web.RequestChecks;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import static org.etlsuite.producer.web.RequestChecks.plain;
import static org.etlsuite.producer.web.RequestChecks.reject;

/**
 * The rules of a burst request that constraint annotations cannot express: exactly one of {@code events} and
 * {@code durationSeconds}; {@code ratePerSecond} with a duration; the configured limits (largest {@code events}
 * and {@code ratePerSecond}, longest duration, longest back-fill window) for both forms; {@code dirtyFraction}
 * and {@code backfill}. Registered on the request's data binder next to Bean Validation, so its errors arrive in
 * the same {@code MethodArgumentNotValidException} and render the same way.
 */
@Component
class BurstLimitsValidator implements Validator {

    static final String EVENTS = "events";
    static final String DURATION_SECONDS = "durationSeconds";

    private static final BigDecimal MIN_RATE = new BigDecimal(BurstRequest.MIN_RATE_PER_SECOND);
    private static final BigInteger[] UNIT_MILLIS = {BigInteger.valueOf(86_400_000L), BigInteger.valueOf(3_600_000L),
            BigInteger.valueOf(60_000L), BigInteger.valueOf(1_000L), BigInteger.ONE};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

    private final long maxEvents;
    private final double maxRatePerSecond;
    private final Duration maxDuration;
    private final BigDecimal maxDurationSeconds;
    private final Duration maxBackfill;

    BurstLimitsValidator(ProducerProperties properties) {
        this.maxEvents = properties.bursts().maxEvents();
        this.maxRatePerSecond = properties.bursts().maxRatePerSecond();
        this.maxDuration = properties.bursts().maxDuration();
        this.maxDurationSeconds = BigDecimal.valueOf(maxDuration.getSeconds()).add(BigDecimal.valueOf(maxDuration.getNano(), 9));
        this.maxBackfill = properties.maxBackfill();
    }

    @Override
    public boolean supports(Class<?> type) {
        return BurstRequest.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BurstRequest request = (BurstRequest) target;
        Long events = request.events();
        Double duration = request.durationSeconds();
        Double rate = request.ratePerSecond();
        if (events == null && duration == null) {
            reject(errors, EVENTS, null, "NotNull", "either events or durationSeconds is required");
        } else if (events != null && duration != null) {
            reject(errors, DURATION_SECONDS, duration, "Exclusive",
                    "must not be given together with events; give exactly one of them");
        }
        if (events != null && events > maxEvents) {
            reject(errors, EVENTS, events, "Max", "must be less than or equal to " + plain(BigDecimal.valueOf(maxEvents)));
        }
        RequestChecks.checkMaxRate(errors, rate, maxRatePerSecond);
        RequestChecks.checkDirtyFraction(errors, request.dirtyFraction());
        RequestChecks.checkBackfill(errors, request.backfill(), maxBackfill);

        // The duration is only meaningful (and only computable) for values that pass every other check; a request
        // that already fails one gets that single, more precise error.
        boolean rateValid = rate != null && Double.isFinite(rate) && rate <= maxRatePerSecond
                && BigDecimal.valueOf(rate).compareTo(MIN_RATE) >= 0;
        if (events != null && duration == null) {
            boolean eventsValid = events >= 1 && events <= maxEvents;
            if (eventsValid && rateValid) {
                checkDuration(errors, events, BigDecimal.valueOf(rate));
            }
        } else if (duration != null && events == null && Double.isFinite(duration) && duration > 0) {
            checkDurationForm(errors, BigDecimal.valueOf(duration), rate, rateValid);
        } else if (duration != null && events == null && duration == Double.POSITIVE_INFINITY) {
            reject(errors, DURATION_SECONDS, duration, "Max", "must be at most " + plain(maxDurationSeconds)
                    + " (the limit of " + describe(BigInteger.valueOf(maxDuration.toMillis())) + ")");
        }
    }

    /** A burst by duration: the rate is required, the duration limited, and the events it makes within limits. */
    private void checkDurationForm(Errors errors, BigDecimal duration, Double rate, boolean rateValid) {
        if (rate == null) {
            reject(errors, RequestChecks.RATE_PER_SECOND, null, "NotNull", "must be given with durationSeconds");
        }
        if (duration.compareTo(maxDurationSeconds) > 0) {
            reject(errors, DURATION_SECONDS, duration.doubleValue(), "Max", "must be at most " + plain(maxDurationSeconds)
                    + " (the limit of " + describe(BigInteger.valueOf(maxDuration.toMillis())) + ")");
            return;
        }
        if (!rateValid) {
            return;
        }
        BigDecimal exactRate = BigDecimal.valueOf(rate);
        long events = BurstRequest.eventsFor(duration, exactRate);
        String makes = plain(duration) + " s at " + plain(exactRate) + "/s make " + events + " events";
        if (events < 1) {
            reject(errors, DURATION_SECONDS, duration.doubleValue(), "BurstEvents", makes + "; at least 1 is needed");
        } else if (events > maxEvents) {
            reject(errors, DURATION_SECONDS, duration.doubleValue(), "BurstEvents",
                    makes + ", more than the limit of " + maxEvents);
        }
    }

    /** Exact decimal arithmetic: {@code 8640} events at {@code 0.1}/s take exactly 24h and must pass. */
    private void checkDuration(Errors errors, long events, BigDecimal rate) {
        BigDecimal fitting = rate.multiply(maxDurationSeconds);
        if (BigDecimal.valueOf(events).compareTo(fitting) <= 0) {
            return;
        }
        BigInteger millis = BigDecimal.valueOf(events).multiply(BigDecimal.valueOf(1_000))
                .divide(rate, 0, RoundingMode.CEILING).toBigIntegerExact();
        BigInteger maxMillis = BigInteger.valueOf(maxDuration.toMillis());
        long maxFitting = fitting.setScale(0, RoundingMode.FLOOR).longValueExact();
        String message = events + " events at " + plain(rate) + "/s would take " + describe(millis)
                + ", longer than the limit of " + describe(maxMillis)
                + (maxFitting >= 1 ? "; at this rate at most " + maxFitting + " events fit" : "");
        reject(errors, RequestChecks.RATE_PER_SECOND, rate.doubleValue(), "BurstDuration", message);
    }

    /** A duration as {@code 1157d 9h 46m 40s}: whole units, largest first, zero units left out. */
    static String describe(BigInteger millis) {
        List<String> parts = new ArrayList<>();
        BigInteger rest = millis;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            BigInteger[] quotientAndRest = rest.divideAndRemainder(UNIT_MILLIS[i]);
            if (quotientAndRest[0].signum() > 0) {
                parts.add(quotientAndRest[0] + UNIT_NAMES[i]);
            }
            rest = quotientAndRest[1];
        }
        return parts.isEmpty() ? "0ms" : String.join(" ", parts);
    }
}
