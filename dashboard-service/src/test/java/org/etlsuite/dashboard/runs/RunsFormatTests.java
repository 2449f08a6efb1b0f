package org.etlsuite.dashboard.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RunsFormatTests {

    @Test
    void shouldWriteTimesInUtcWithoutZoneSuffix() {
        assertThat(RunsFormat.time(Instant.parse("2026-11-26T01:05:09.750Z"))).isEqualTo("2026-11-26 01:05:09");
        assertThat(RunsFormat.time(null)).isEqualTo("–");
    }

    @Test
    void shouldWriteDurationsWithTheUnitThatFitsTheirLength() {
        assertThat(RunsFormat.duration(Duration.ZERO)).isEqualTo("0.0 s");
        assertThat(RunsFormat.duration(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(RunsFormat.duration(Duration.ofMillis(59_990))).isEqualTo("59.9 s");
        assertThat(RunsFormat.duration(Duration.ofSeconds(60))).isEqualTo("1 min 00 s");
        assertThat(RunsFormat.duration(Duration.ofSeconds(187))).isEqualTo("3 min 07 s");
        assertThat(RunsFormat.duration(Duration.ofMinutes(125).plusSeconds(59))).isEqualTo("2 h 05 min");
        assertThat(RunsFormat.duration(Duration.ofHours(27).plusMinutes(10))).isEqualTo("1 d 03 h");
        assertThat(RunsFormat.duration(null)).isEqualTo("–");
    }

    @Test
    void shouldShowANegativeDurationAsZero() {
        assertThat(RunsFormat.duration(Duration.ofMillis(-300))).isEqualTo("0.0 s");
    }

    @Test
    void shouldMeasureEndedRunsToTheirEndAndRunningOnesToNow() {
        Instant start = Instant.parse("2026-11-26T01:05:00Z");

        assertThat(RunsFormat.runDuration(start, Instant.parse("2026-11-26T01:05:42.300Z"), Instant.parse("2026-11-26T09:00:00Z")))
                .isEqualTo("42.3 s");
        assertThat(RunsFormat.runDuration(start, null, Instant.parse("2026-11-26T01:07:05Z"))).isEqualTo("2 min 05 s so far");
        assertThat(RunsFormat.runDuration(null, null, Instant.parse("2026-11-26T01:07:05Z"))).isEqualTo("–");
    }

    @Test
    void shouldWriteCountsWithThousandsSeparatorsAndMissingCountsAsDash() {
        assertThat(RunsFormat.count(1_234_567L)).isEqualTo("1,234,567");
        assertThat(RunsFormat.count(0L)).isEqualTo("0");
        assertThat(RunsFormat.count(null)).isEqualTo("–");
    }

    @Test
    void shouldWriteDecimalsAsGivenWithoutTrailingZeros() {
        assertThat(RunsFormat.decimal(1000.0)).isEqualTo("1,000");
        assertThat(RunsFormat.decimal(0.05)).isEqualTo("0.05");
        assertThat(RunsFormat.decimal(2.5)).isEqualTo("2.5");
        assertThat(RunsFormat.decimal(null)).isEqualTo("–");
    }

    @Test
    void shouldTurnStateConstantsIntoLabelsAndBadgeClasses() {
        assertThat(RunsFormat.label("UP_FOR_RETRY")).isEqualTo("up for retry");
        assertThat(RunsFormat.badgeClass("UP_FOR_RETRY")).isEqualTo("badge-up-for-retry");
        assertThat(RunsFormat.badgeClass("SUCCESS")).isEqualTo("badge-success");
        assertThat(RunsFormat.label(null)).isEqualTo("unknown");
        assertThat(RunsFormat.badgeClass("")).isEqualTo("badge-unknown");
    }

    @Test
    void shouldCountAttemptsInWordsAndNothingBeforeTheFirst() {
        assertThat(RunsFormat.attempts(0)).isEmpty();
        assertThat(RunsFormat.attempts(1)).isEqualTo("1 attempt");
        assertThat(RunsFormat.attempts(3)).isEqualTo("3 attempts");
    }

    @Test
    void shouldShortenErrorsToTheirFirstLineWithinTheLimit() {
        assertThat(RunsFormat.shorten("  await: timed out  ", 20)).isEqualTo("await: timed out");
        assertThat(RunsFormat.shorten("await: timed out after 10m\n\tat org.etlsuite.Step", 40)).isEqualTo("await: timed out after 10m…");
        assertThat(RunsFormat.shorten("abcdefghij", 10)).isEqualTo("abcdefghij");
        assertThat(RunsFormat.shorten("abcdefghijk", 10)).isEqualTo("abcdefghi…");
        assertThat(RunsFormat.shorten(null, 10)).isEmpty();
        assertThat(RunsFormat.shorten(" \n", 10)).isEmpty();
    }
}
