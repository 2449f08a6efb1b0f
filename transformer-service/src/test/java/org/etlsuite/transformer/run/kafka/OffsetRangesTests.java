package org.etlsuite.transformer.run.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetRangesTests {

    private static final TopicPartition URBAN_0 = new TopicPartition("urban-sensors", 0);
    private static final TopicPartition URBAN_1 = new TopicPartition("urban-sensors", 1);
    private static final TopicPartition URBAN_12 = new TopicPartition("urban-sensors", 12);
    private static final TopicPartition PROCESSED_0 = new TopicPartition("urban-sensors.processed", 0);

    @Test
    void shouldFormatRangesSortedByTopicThenPartition() {
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        from.put(PROCESSED_0, 5L);
        from.put(URBAN_12, 0L);
        from.put(URBAN_1, 100L);
        Map<TopicPartition, Long> to = Map.of(PROCESSED_0, 9L, URBAN_12, 3L, URBAN_1, 150L);

        assertThat(new OffsetRanges(from, to).format())
                .isEqualTo("urban-sensors:1=100-150,urban-sensors:12=0-3,urban-sensors.processed:0=5-9");
    }

    @Test
    void shouldParseTopicNamesWithDotsAndDashes() {
        OffsetRanges ranges = OffsetRanges.parse("urban-sensors.processed:0=5-9,urban-sensors:1=100-150");

        assertThat(ranges.from()).isEqualTo(Map.of(PROCESSED_0, 5L, URBAN_1, 100L));
        assertThat(ranges.to()).isEqualTo(Map.of(PROCESSED_0, 9L, URBAN_1, 150L));
    }

    @Test
    void shouldRoundTripThroughText() {
        OffsetRanges ranges = new OffsetRanges(Map.of(URBAN_0, 0L, URBAN_1, 7L, PROCESSED_0, 1_000_000_000_000L),
                Map.of(URBAN_0, 250L, URBAN_1, 7L, PROCESSED_0, 1_000_000_000_042L));

        String text = ranges.format();

        assertThat(text).isEqualTo("urban-sensors:0=0-250,urban-sensors:1=7-7,urban-sensors.processed:0=1000000000000-1000000000042");
        assertThat(OffsetRanges.parse(text)).isEqualTo(ranges);
    }

    @Test
    void shouldCountEventsOfHalfOpenRangesAcrossPartitions() {
        // [0,250) holds 250 offsets, [7,7) none, [40,42) two
        OffsetRanges ranges = OffsetRanges.parse("urban-sensors:0=0-250,urban-sensors:1=7-7,urban-sensors.processed:0=40-42");

        assertThat(ranges.size()).isEqualTo(252);
    }

    @Test
    void shouldTreatNullEmptyAndBlankTextAsNoRanges() {
        for (String text : new String[] {null, "", "   "}) {
            OffsetRanges ranges = OffsetRanges.parse(text);
            assertThat(ranges.from()).isEmpty();
            assertThat(ranges.to()).isEmpty();
            assertThat(ranges.size()).isZero();
            assertThat(ranges.format()).isEmpty();
        }
    }

    @Test
    void shouldRefuseRangesWithDifferentPartitionsAtEitherEnd() {
        assertThatThrownBy(() -> new OffsetRanges(Map.of(URBAN_0, 0L, URBAN_1, 0L), Map.of(URBAN_0, 5L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Ranges need both ends for the same partitions: ");
    }

    @Test
    void shouldNotShareTheCallersMaps() {
        Map<TopicPartition, Long> from = new LinkedHashMap<>(Map.of(URBAN_0, 0L));
        Map<TopicPartition, Long> to = new LinkedHashMap<>(Map.of(URBAN_0, 10L));
        OffsetRanges ranges = new OffsetRanges(from, to);

        to.put(URBAN_0, 99L);

        assertThat(ranges.size()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urban-sensors:0=5", "urban-sensors:0", "urban-sensors=0-5", ":0=0-5", "urban-sensors:0=0-5,"
            + ",urban-sensors:1=0-5"})
    void shouldRefuseMalformedEntries(String text) {
        assertThatThrownBy(() -> OffsetRanges.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not an offset range: '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urban-sensors:0=-5", "urban-sensors:0=5-", "urban-sensors:0=a-b", "urban-sensors:p=0-5"})
    void shouldRefuseNonNumericEnds(String text) {
        assertThatThrownBy(() -> OffsetRanges.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    private static final TopicPartition URBAN_2 = new TopicPartition("urban-sensors", 2);

    @Test
    void cappingLeavesRangesWithinTheLimitAsTheyAre() {
        OffsetRanges ranges = new OffsetRanges(Map.of(URBAN_0, 10L, URBAN_1, 0L), Map.of(URBAN_0, 30L, URBAN_1, 30L));

        assertThat(ranges.capped(50)).isEqualTo(ranges);
        assertThat(ranges.capped(51)).isEqualTo(ranges);
    }

    @Test
    void cappingGivesWhatShortRangesLeaveOfTheirShareToTheLongerOnes() {
        // 5, 100 and 40 pending, 50 allowed: the share is 16 each; partition 0 needs only 5, which
        // leaves 22 each for the other two; partition 2 takes 22 and leaves the last 23 to partition 1
        OffsetRanges ranges = new OffsetRanges(Map.of(URBAN_0, 1_000L, URBAN_1, 0L, URBAN_2, 70L),
                Map.of(URBAN_0, 1_005L, URBAN_1, 100L, URBAN_2, 110L));

        OffsetRanges capped = ranges.capped(50);

        assertThat(capped.from()).isEqualTo(ranges.from());
        assertThat(capped.to()).isEqualTo(Map.of(URBAN_0, 1_005L, URBAN_1, 23L, URBAN_2, 92L));
        assertThat(capped.size()).isEqualTo(50);
    }

    @Test
    void cappingSplitsEqualBacklogsEvenlyAndTheRemainderTheSameWayEveryTime() {
        OffsetRanges ranges = new OffsetRanges(Map.of(URBAN_2, 0L, URBAN_0, 0L, URBAN_1, 0L), Map.of(URBAN_2, 100L, URBAN_0, 100L, URBAN_1, 100L));

        // 50 over three: 16, 17, 17, the lower partition first
        assertThat(ranges.capped(50).to()).isEqualTo(Map.of(URBAN_0, 16L, URBAN_1, 17L, URBAN_2, 17L));
        assertThat(ranges.capped(2).to()).isEqualTo(Map.of(URBAN_0, 0L, URBAN_1, 1L, URBAN_2, 1L));
        assertThat(ranges.capped(0).size()).isZero();
    }

    @Test
    void cappingKeepsEmptyRangesEmpty() {
        OffsetRanges ranges = new OffsetRanges(Map.of(URBAN_0, 9L, URBAN_1, 0L, URBAN_2, 0L), Map.of(URBAN_0, 9L, URBAN_1, 10L, URBAN_2, 100L));

        assertThat(ranges.capped(30).to()).isEqualTo(Map.of(URBAN_0, 9L, URBAN_1, 10L, URBAN_2, 20L));
    }

    @Test
    void cappedRangesHoldExactlyTheLimitWithinTheOriginalRanges() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1_000; i++) {
            Map<TopicPartition, Long> from = new LinkedHashMap<>();
            Map<TopicPartition, Long> to = new LinkedHashMap<>();
            int partitions = 1 + random.nextInt(12);
            for (int p = 0; p < partitions; p++) {
                long start = random.nextInt(1_000_000);
                from.put(new TopicPartition("urban-sensors", p), start);
                to.put(new TopicPartition("urban-sensors", p), start + (random.nextInt(4) == 0 ? 0 : random.nextInt(5_000)));
            }
            OffsetRanges ranges = new OffsetRanges(from, to);
            long max = random.nextInt(10_000);

            OffsetRanges capped = ranges.capped(max);

            assertThat(capped.size()).as(ranges + " capped at " + max).isEqualTo(Math.min(max, ranges.size()));
            assertThat(capped.from()).isEqualTo(ranges.from());
            capped.to().forEach((partition, end) -> assertThat(end).isBetween(ranges.from().get(partition), ranges.to().get(partition)));
        }
    }

    @Test
    void cappingRefusesANegativeLimit() {
        assertThatThrownBy(() -> new OffsetRanges(Map.of(URBAN_0, 0L), Map.of(URBAN_0, 1L)).capped(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
