package org.etlsuite.localstack;

import java.time.Duration;

/**
 * How long the supervisor waits before restarting a service that exited: {@code first}, doubling with every
 * restart in a row up to {@code max}. A service that stayed UP for {@code resetAfter} starts again from
 * {@code first}, so one crash a day is retried at once while a crash loop backs off.
 */
public record RestartBackoff(Duration first, Duration max, Duration resetAfter) {

    /** 1 s, 2 s, 4 s ... at most 30 s; back to 1 s after a minute UP. */
    public static final RestartBackoff STANDARD = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1));

    public RestartBackoff {
        if (first.isNegative() || max.compareTo(first) < 0 || resetAfter.isNegative()) {
            throw new IllegalArgumentException("Need 0 <= first <= max and resetAfter >= 0: " + first + ", " + max + ", " + resetAfter);
        }
    }

    /** The wait before restart number {@code restart} of a row (1 for the first). */
    public Duration delay(int restart) {
        if (restart < 1) {
            throw new IllegalArgumentException("Restarts are counted from 1, not " + restart);
        }
        // past 2^20 the product only overflows; any such delay is capped long before
        Duration delay = first.multipliedBy(1L << Math.min(restart - 1, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** For the banner, e.g. {@code after 1 s, 2 s, 4 s ... at most 30 s}. */
    public String describe() {
        return "after " + seconds(delay(1)) + ", " + seconds(delay(2)) + ", " + seconds(delay(3)) + " ... at most "
                + seconds(max);
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
