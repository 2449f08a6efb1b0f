package org.etlsuite.dashboard.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The formatting every dashboard page shares, so that the pages read alike. */
public final class PageFormat {

    // files stay in UTC (see the shared volume contract), so the pages say so explicitly
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private PageFormat() {
    }

    /** E.g. "2025-03-14 09:30:00 UTC". */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A ratio as a percentage with one decimal, e.g. "38.2%". */
    public static String percent(OptionalDouble ratio) {
        // a ratio the writer left empty (nothing to divide by) is shown as such rather than as a misleading 0 %
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.1f%%", ratio.getAsDouble() * 100) : "n/a";
    }

    /** The hours from {@code start} to {@code end}, UTC: "2025-03-13 07:00 to 2025-03-14 19:00 UTC". */
    public static String hours(LocalDateTime start, LocalDateTime end) {
        return HOUR.format(start) + " to " + HOUR.format(end) + " UTC";
    }

    /** The days the data covers: "2025-03-14" or "2025-03-13 to 2025-03-14". */
    public static String period(Optional<LocalDate> first, Optional<LocalDate> last) {
        if (first.isEmpty() || last.isEmpty()) {
            return "no days yet";
        }
        return first.get().equals(last.get()) ? first.get().toString() : first.get() + " to " + last.get();
    }
}
