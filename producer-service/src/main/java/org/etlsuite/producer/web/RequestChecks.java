package org.etlsuite.producer.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Field checks that the burst and continuous-stream requests share and that constraint annotations cannot express
 * (configured limits, ISO-8601 parsing, one message for every way a fraction can be wrong). Errors are added to the
 * request's binding result, so they render like Bean Validation's: {@code detail} and {@code errors[{field, message}]}.
 */
public final class RequestChecks {

    public static final String DIRTY_FRACTION = "dirtyFraction";
    public static final String BACKFILL = "backfill";
    public static final String RATE_PER_SECOND = "ratePerSecond";

    private RequestChecks() {
    }

    /** {@code dirtyFraction}: absent, or a number from 0 to 1 (NaN and infinities included in "not"). */
    public static void checkDirtyFraction(Errors errors, Double fraction) {
        if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
            reject(errors, DIRTY_FRACTION, fraction, "Range", "must be between 0 and 1");
        }
    }

    /** {@code ratePerSecond}: at most the configured maximum (the minimum is an annotation on the request). */
    public static void checkMaxRate(Errors errors, Double rate, double maxRatePerSecond) {
        if (rate != null && rate > maxRatePerSecond) {
            reject(errors, RATE_PER_SECOND, rate, "Max", "must be less than or equal to " + plain(BigDecimal.valueOf(maxRatePerSecond)));
        }
    }

    /** {@code backfill}: absent, or an ISO-8601 duration that is positive and at most {@code max}. */
    public static void checkBackfill(Errors errors, String backfill, Duration max) {
        if (backfill == null) {
            return;
        }
        Duration window;
        try {
            window = parseBackfill(backfill);
        } catch (DateTimeParseException e) {
            reject(errors, BACKFILL, backfill, "Duration",
                    "must be an ISO-8601 duration of days, hours, minutes or seconds, such as P7D, PT6H or P1DT12H");
            return;
        }
        if (window.isNegative() || window.isZero()) {
            reject(errors, BACKFILL, backfill, "Positive", "must be a positive duration");
        } else if (window.compareTo(max) > 0) {
            reject(errors, BACKFILL, backfill, "Max", "must be at most " + iso(max));
        }
    }

    /**
     * The back-fill window of a request, {@code null} when absent.
     *
     * @throws DateTimeParseException when it is not an ISO-8601 duration ({@link #checkBackfill} reports that)
     */
    public static Duration parseBackfill(String backfill) {
        return backfill == null ? null : Duration.parse(backfill.strip());
    }

    /** ISO-8601 as people write it: {@code P7D} for whole days (where {@link Duration#toString()} says PT168H). */
    public static String iso(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (!duration.isZero() && duration.getNano() == 0 && duration.getSeconds() % 86_400 == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    /** {@code 0.1}, {@code 1000000}: no exponent, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Adds a field error with a ready message (no message-source lookup). */
    public static void reject(Errors errors, String field, Object value, String code, String message) {
        if (errors instanceof BindingResult result) {
            // Add the error directly: rejectValue would read the property through JavaBean getters, which records lack.
            result.addError(new FieldError(errors.getObjectName(), field, value, false,
                    result.resolveMessageCodes(code, field), null, message));
        } else {
            errors.rejectValue(field, code, message);
        }
    }
}
