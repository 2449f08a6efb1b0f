package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class DailyWindowTests {

    private static final DailyWindow SERVICE = new DailyWindow(LocalTime.of(5, 0), LocalTime.of(23, 0));
    private static final long HOUR = 3_600_000L;

    /** A random generator that fails the test if anything draws from it. */
    private static final RandomGenerator NO_DRAWS = () -> {
        throw new AssertionError("no random number expected");
    };

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void shouldAdmitBothEndsOfTheWindowAndNothingOutside() {
        assertThat(SERVICE.contains(at("2025-06-01T05:00:00Z"))).isTrue();
        assertThat(SERVICE.contains(at("2025-06-01T23:00:00Z"))).isTrue();
        assertThat(SERVICE.contains(at("2025-06-01T04:59:59.999Z"))).isFalse();
        assertThat(SERVICE.contains(at("2025-06-01T23:00:00.001Z"))).isFalse();
        assertThat(DailyWindow.ALL_DAY.contains(at("2025-06-01T00:00:00Z"))).isTrue();
        assertThat(DailyWindow.ALL_DAY.contains(at("2025-06-01T23:59:59.999Z"))).isTrue();
    }

    @Test
    void shouldReturnASingleAdmittedInstantWithoutDrawing() {
        long noon = at("2025-06-01T12:00:00.123Z");

        assertThat(SERVICE.pick(noon, noon, NO_DRAWS)).isEqualTo(noon);
        assertThat(DailyWindow.ALL_DAY.pick(noon, noon, NO_DRAWS)).isEqualTo(noon);
    }

    @Test
    void shouldReachBothEndsOfATwoMillisecondWindow() {
        DailyWindow tiny = new DailyWindow(LocalTime.of(5, 0), LocalTime.of(5, 0, 0, 1_000_000));
        SplittableRandom random = new SplittableRandom(1);
        Set<Long> picks = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            picks.add(tiny.pick(at("2025-06-01T00:00:00Z"), at("2025-06-01T12:00:00Z"), random));
        }

        assertThat(picks).containsExactlyInAnyOrder(at("2025-06-01T05:00:00Z"), at("2025-06-01T05:00:00.001Z"));
    }

    @Test
    void shouldDrawUniformlyOverTheAdmittedPartOfARangeSpanningDays() {
        // Admitted: day 1 20:00-23:00 (3 h), day 2 05:00-23:00 (18 h), day 3 05:00-08:00 (3 h): 24 h in all
        long from = at("2025-06-01T20:00:00Z");
        long to = at("2025-06-03T08:00:00Z");
        SplittableRandom random = new SplittableRandom(20_250_601L);
        int draws = 100_000;
        int[] perDay = new int[3];
        int[] perThreeHours = new int[8];

        for (int i = 0; i < draws; i++) {
            long pick = SERVICE.pick(from, to, random);
            assertThat(pick).isBetween(from, to);
            assertThat(SERVICE.contains(pick)).isTrue();
            perDay[(int) ((pick - at("2025-06-01T00:00:00Z")) / (24 * HOUR))]++;
            // Admitted time elapsed before the pick, in 8 bins of 3 admitted hours each
            long admitted = pick < at("2025-06-02T00:00:00Z") ? pick - from
                    : pick < at("2025-06-03T00:00:00Z") ? 3 * HOUR + pick - at("2025-06-02T05:00:00Z")
                    : 21 * HOUR + pick - at("2025-06-03T05:00:00Z");
            perThreeHours[(int) Math.min(7, admitted / (3 * HOUR))]++;
        }

        assertThat(100.0 * perDay[0] / draws).isCloseTo(12.5, within(Shares.TOLERANCE_PP));
        assertThat(100.0 * perDay[1] / draws).isCloseTo(75.0, within(Shares.TOLERANCE_PP));
        assertThat(100.0 * perDay[2] / draws).isCloseTo(12.5, within(Shares.TOLERANCE_PP));
        for (int count : perThreeHours) {
            assertThat(100.0 * count / draws).isCloseTo(12.5, within(Shares.TOLERANCE_PP));
        }
    }

    @Test
    void shouldFallBackToTheSameDaysWindowWhenTheRangeLiesAfterIt() {
        long from = at("2025-06-01T23:10:00Z");
        SplittableRandom random = new SplittableRandom(3);

        for (int i = 0; i < 1_000; i++) {
            long pick = SERVICE.pick(from, at("2025-06-01T23:50:00Z"), random);
            assertThat(pick).isBetween(at("2025-06-01T05:00:00Z"), at("2025-06-01T23:00:00Z"));
        }
    }

    @Test
    void shouldFallBackToThePreviousDaysWindowWhenTheRangeLiesBeforeIt() {
        SplittableRandom random = new SplittableRandom(4);

        for (int i = 0; i < 1_000; i++) {
            long pick = SERVICE.pick(at("2025-06-02T01:00:00Z"), at("2025-06-02T04:59:59.999Z"), random);
            assertThat(pick).isBetween(at("2025-06-01T05:00:00Z"), at("2025-06-01T23:00:00Z"));
        }
    }

    @Test
    void shouldStayInsideRandomRangesThatAdmitSomething() {
        SplittableRandom random = new SplittableRandom(5);
        long base = at("2025-01-01T00:00:00Z");

        for (int i = 0; i < 20_000; i++) {
            long from = base + random.nextLong(400 * 24 * HOUR);
            long to = from + random.nextLong(10 * 24 * HOUR);
            if (to - from >= 6 * HOUR) { // any 6 h range overlaps 05:00-23:00
                long pick = SERVICE.pick(from, to, random);
                assertThat(pick).isBetween(from, to);
                assertThat(SERVICE.contains(pick)).isTrue();
            }
        }
    }

    @Test
    void shouldHandleInstantsBeforeTheEpoch() {
        long pick = SERVICE.pick(at("1969-12-30T02:00:00Z"), at("1969-12-30T06:00:00Z"), new SplittableRandom(6));

        assertThat(pick).isBetween(at("1969-12-30T05:00:00Z"), at("1969-12-30T06:00:00Z"));
    }

    @Test
    void shouldRejectAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new DailyWindow(LocalTime.of(23, 0), LocalTime.of(5, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A daily window must not end (05:00) before it starts (23:00)");
    }

    @Test
    void shouldRejectAnEmptyRange() {
        assertThatThrownBy(() -> SERVICE.pick(2, 1, new SplittableRandom(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
