package org.etlsuite.transformer.run.step;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceOffsetsTests {

    private static final TopicPartition URBAN_0 = new TopicPartition("urban-sensors", 0);
    private static final TopicPartition URBAN_1 = new TopicPartition("urban-sensors", 1);
    private static final TopicPartition URBAN_2 = new TopicPartition("urban-sensors", 2);

    private static SourceOffsets over(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return new SourceOffsets(new OffsetRanges(from, to));
    }

    @Test
    void isEmptyBeforeAnyOffset() {
        SourceOffsets offsets = over(Map.of(URBAN_0, 0L), Map.of(URBAN_0, 100L));

        assertThat(offsets.count()).isZero();
        assertThat(offsets.contains(0, 0)).isFalse();
        assertThat(offsets.contains(0, 99)).isFalse();
    }

    @Test
    void keepsPartitionsApartAndCountsRelativeToEachRangesStart() {
        SourceOffsets offsets = over(Map.of(URBAN_0, 10L, URBAN_2, 5_000_000_000L), Map.of(URBAN_0, 20L, URBAN_2, 5_000_000_010L));
        assertThat(offsets.add(0, 10)).isTrue();
        assertThat(offsets.add(0, 19)).isTrue();
        assertThat(offsets.add(2, 5_000_000_000L)).isTrue();

        assertThat(offsets.count()).isEqualTo(3);
        assertThat(offsets.contains(0, 10)).isTrue();
        assertThat(offsets.contains(0, 19)).isTrue();
        assertThat(offsets.contains(2, 5_000_000_000L)).isTrue();
        // the same position in another partition's range, or the same offset there, is another event
        assertThat(offsets.contains(2, 5_000_000_009L)).isFalse();
        assertThat(offsets.contains(2, 10)).isFalse();
        assertThat(offsets.contains(0, 11)).isFalse();
        assertThat(offsets.contains(1, 10)).isFalse();
    }

    @Test
    void answersFalseOutsideTheRangesWithoutFailing() {
        SourceOffsets offsets = over(Map.of(URBAN_0, 10L), Map.of(URBAN_0, 20L));
        offsets.add(0, 10);

        // output records of events before or after the run, or of another partition
        assertThat(offsets.contains(0, 9)).isFalse();
        assertThat(offsets.contains(0, 20)).isFalse();
        assertThat(offsets.contains(0, -1)).isFalse();
        assertThat(offsets.contains(7, 10)).isFalse();
    }

    @Test
    void takesOffsetsInAnyOrderAndAnswersWhetherOneIsNew() {
        SourceOffsets offsets = over(Map.of(URBAN_1, 0L), Map.of(URBAN_1, 10L));

        assertThat(offsets.add(1, 7)).isTrue();
        assertThat(offsets.add(1, 3)).isTrue();
        assertThat(offsets.add(1, 7)).isFalse();

        assertThat(offsets.count()).isEqualTo(2);
        assertThat(offsets.contains(1, 3)).isTrue();
        assertThat(offsets.contains(1, 7)).isTrue();
    }

    @Test
    void refusesOffsetsOutsideTheRange() {
        SourceOffsets offsets = over(Map.of(URBAN_1, 100L), Map.of(URBAN_1, 110L));

        assertThatThrownBy(() -> offsets.add(1, 110))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Offset 110 of partition 1 lies outside the range 100-110");
        assertThatThrownBy(() -> offsets.add(1, 99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Offset 99 of partition 1 lies outside the range 100-110");
        assertThatThrownBy(() -> offsets.add(0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Offset 100 of partition 0 lies outside the range (no such partition)");
        assertThat(offsets.count()).isZero();
    }

    @Test
    void costsOneBitPerOffsetOfTheRangeHoweverManyRecordsItHolds() {
        // three partitions of a 1,000,000-offset range: about 125 KB, however sparse or full
        SourceOffsets sparse = over(Map.of(URBAN_0, 0L, URBAN_1, 2_000_000L, URBAN_2, 0L),
                Map.of(URBAN_0, 400_000L, URBAN_1, 2_300_000L, URBAN_2, 300_000L));
        SourceOffsets full = over(Map.of(URBAN_0, 0L, URBAN_1, 2_000_000L, URBAN_2, 0L),
                Map.of(URBAN_0, 400_000L, URBAN_1, 2_300_000L, URBAN_2, 300_000L));
        sparse.add(1, 2_299_999L);
        for (long offset = 0; offset < 400_000; offset++) {
            full.add(0, offset);
        }
        for (long offset = 2_000_000; offset < 2_300_000; offset++) {
            full.add(1, offset);
        }
        for (long offset = 0; offset < 300_000; offset++) {
            full.add(2, offset);
        }

        assertThat(full.count()).isEqualTo(1_000_000);
        assertThat(sparse.count()).isEqualTo(1);
        assertThat(full.bytes()).isEqualTo(sparse.bytes()).isBetween(125_000L, 125_100L);
        assertThat(full.contains(1, 2_000_000L)).isTrue();
        assertThat(full.contains(1, 2_300_000L)).isFalse();
        assertThat(sparse.contains(1, 2_299_999L)).isTrue();
        assertThat(sparse.contains(1, 2_299_998L)).isFalse();
    }

    @Test
    void holdsEmptyRanges() {
        SourceOffsets offsets = over(Map.of(URBAN_0, 7L), Map.of(URBAN_0, 7L));

        assertThat(offsets.contains(0, 7)).isFalse();
        assertThat(offsets.bytes()).isZero();
        assertThatThrownBy(() -> offsets.add(0, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRangesOfSeveralTopics() {
        TopicPartition processed = new TopicPartition("urban-sensors.processed", 0);

        assertThatThrownBy(() -> over(Map.of(URBAN_0, 0L, processed, 0L), Map.of(URBAN_0, 1L, processed, 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Source offsets are of one topic");
    }
}
