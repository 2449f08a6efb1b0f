package org.etlsuite.dashboard.runs;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the runs pages write times, durations, counts and states. */
final class RunsFormat {

    /** Shown where there is no value yet, so that an empty cell never looks like a zero. */
    static final String NONE = "–";

    // the table's header says UTC once, so the cells need not
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RunsFormat() {
    }

    /** E.g. "2026-11-26 01:05:00", in UTC. */
    static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    /** E.g. "0.4 s", "42.0 s", "3 min 07 s", "2 h 05 min", "1 d 03 h". */
    static String duration(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        // clocks of different instances may disagree by a little; never show a negative duration
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            // truncated, not rounded: 59.96 s must not read "60.0 s"
            long tenths = d.toMillis() / 100;
            return tenths / 10 + "." + tenths % 10 + " s";
        }
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
        }
        if (d.compareTo(Duration.ofDays(1)) < 0) {
            return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
        }
        return String.format(Locale.ROOT, "%d d %02d h", d.toDays(), d.toHoursPart());
    }

    /** How long the run took, or has been running until {@code now}: "12.0 s so far". */
    static String runDuration(Instant startedAt, Instant endedAt, Instant now) {
        if (startedAt == null) {
            return NONE;
        }
        return endedAt == null ? duration(Duration.between(startedAt, now)) + " so far" : duration(Duration.between(startedAt, endedAt));
    }

    /** E.g. "4,754"; null (not counted yet) is shown as such rather than as 0. */
    static String count(Long count) {
        return count == null ? NONE : String.format(Locale.US, "%,d", count);
    }

    /** E.g. "1,000", "0.05": a decimal as given, without trailing zeros; null as not given. */
    static String decimal(Double value) {
        // DecimalFormat is not thread-safe: one per call
        return value == null ? NONE : new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    /** "UP_FOR_RETRY" as "up for retry". */
    static String label(String constant) {
        return constant == null || constant.isBlank() ? "unknown" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The CSS class of a state's badge: "UP_FOR_RETRY" as "badge-up-for-retry". */
    static String badgeClass(String constant) {
        return "badge-" + label(constant).replace(' ', '-');
    }

    /** "1 attempt", "3 attempts"; nothing before the first attempt. */
    static String attempts(int attempts) {
        return attempts <= 0 ? "" : attempts == 1 ? "1 attempt" : attempts + " attempts";
    }

    /**
     * The first line of an error, cut to {@code max} characters with an ellipsis when anything was
     * left out: errors may carry stack-like detail that would stretch the table.
     */
    static String shorten(String error, int max) {
        if (error == null || error.isBlank()) {
            return "";
        }
        String trimmed = error.strip();
        int newline = trimmed.indexOf('\n');
        String line = (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
        boolean cut = newline >= 0;
        if (line.length() > max) {
            line = line.substring(0, max - 1).stripTrailing();
            cut = true;
        }
        return cut ? line + "…" : line;
    }
}
