package org.etlsuite.producer.burst;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.etlsuite.producer.ProducerProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * The limits of a burst request that come from configuration, which constraint annotations cannot read: the
 * largest {@code events} and {@code ratePerSecond}, and the longest duration ({@code events / ratePerSecond}) of a
 * paced burst. Registered on the request's data binder next to Bean Validation, so its errors arrive in the same
 * {@code MethodArgumentNotValidException} and render the same way.
 */
@Component
class BurstLimitsValidator implements Validator {

    private static final BigDecimal MIN_RATE = new BigDecimal(BurstRequest.MIN_RATE_PER_SECOND);
    private static final BigInteger[] UNIT_MILLIS = {BigInteger.valueOf(86_400_000L), BigInteger.valueOf(3_600_000L),
            BigInteger.valueOf(60_000L), BigInteger.valueOf(1_000L), BigInteger.ONE};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

    private final long maxEvents;
    private final double maxRatePerSecond;
    private final Duration maxDuration;
    private final BigDecimal maxDurationSeconds;

    BurstLimitsValidator(ProducerProperties properties) {
        this.maxEvents = properties.bursts().maxEvents();
        this.maxRatePerSecond = properties.bursts().maxRatePerSecond();
        this.maxDuration = properties.bursts().maxDuration();
        this.maxDurationSeconds = BigDecimal.valueOf(maxDuration.getSeconds()).add(BigDecimal.valueOf(maxDuration.getNano(), 9));
    }

    @Override
    public boolean supports(Class<?> type) {
        return BurstRequest.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BurstRequest request = (BurstRequest) target;
        Long events = request.events();
        Double rate = request.ratePerSecond();
        if (events != null && events > maxEvents) {
            reject(errors, "events", events, "Max", "must be less than or equal to " + plain(BigDecimal.valueOf(maxEvents)));
        }
        if (rate != null && rate > maxRatePerSecond) {
            reject(errors, "ratePerSecond", rate, "Max", "must be less than or equal to " + plain(BigDecimal.valueOf(maxRatePerSecond)));
        }
        // The duration is only meaningful (and only computable) for values that pass every other check; a request
        // that already fails one gets that single, more precise error.
        boolean eventsValid = events != null && events >= 1 && events <= maxEvents;
        boolean rateValid = rate != null && Double.isFinite(rate) && rate <= maxRatePerSecond
                && BigDecimal.valueOf(rate).compareTo(MIN_RATE) >= 0;
        if (eventsValid && rateValid) {
            checkDuration(errors, events, BigDecimal.valueOf(rate));
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
        reject(errors, "ratePerSecond", rate.doubleValue(), "BurstDuration", message);
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

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void reject(Errors errors, String field, Object value, String code, String message) {
        if (errors instanceof BindingResult result) {
            // Add the error directly: rejectValue would read the property through JavaBean getters, which records lack.
            result.addError(new FieldError(errors.getObjectName(), field, value, false,
                    result.resolveMessageCodes(code, field), null, message));
        } else {
            errors.rejectValue(field, code, message);
        }
    }
}
