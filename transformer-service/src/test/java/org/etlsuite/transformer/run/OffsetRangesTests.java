package org.etlsuite.transformer.run;

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
}
