package org.etlsuite.transformer.run.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class OffsetsTextTests {

    private static final String PROCESSED = "urban-sensors.processed";

    @Test
    void shouldFormatSortedByTopicThenPartitionNumerically() {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        offsets.put(new TopicPartition(PROCESSED, 10), 7L);
        offsets.put(new TopicPartition("urban-sensors", 1), 98L);
        offsets.put(new TopicPartition(PROCESSED, 2), 120L);
        offsets.put(new TopicPartition("urban-sensors", 0), 0L);

        // partition 10 after 2: numeric order, not text order
        assertThat(OffsetsText.format(offsets))
                .isEqualTo("urban-sensors:0=0,urban-sensors:1=98,urban-sensors.processed:2=120,urban-sensors.processed:10=7");
    }

    @Test
    void shouldParseTopicNamesWithDotsAndDashes() {
        assertThat(OffsetsText.parse("urban-sensors.processed:0=120,transportation-stats.DLT:3=5"))
                .containsExactly(entry(new TopicPartition(PROCESSED, 0), 120L),
                        entry(new TopicPartition("transportation-stats.DLT", 3), 5L));
    }

    @Test
    void shouldRoundTripLargeOffsets() {
        Map<TopicPartition, Long> offsets = Map.of(
                new TopicPartition("product-events", 0), Long.MAX_VALUE,
                new TopicPartition("product-events", 1), 0L,
                new TopicPartition("product-events.processed", 0), 9_876_543_210L);

        String text = OffsetsText.format(offsets);

        assertThat(text).isEqualTo("product-events:0=9223372036854775807,product-events:1=0,product-events.processed:0=9876543210");
        assertThat(OffsetsText.parse(text)).isEqualTo(offsets);
    }

    @Test
    void shouldFormatNoOffsetsAsEmptyText() {
        assertThat(OffsetsText.format(Map.of())).isEmpty();
    }

    @Test
    void shouldParseNullEmptyAndBlankTextAsNoOffsets() {
        assertThat(OffsetsText.parse(null)).isEmpty();
        assertThat(OffsetsText.parse("")).isEmpty();
        assertThat(OffsetsText.parse("  ")).isEmpty();
    }

    @Test
    void shouldReturnAModifiableMapFromParse() {
        // callers add the partitions a run saw for the first time to what was stored
        Map<TopicPartition, Long> offsets = OffsetsText.parse("urban-sensors:0=1");
        offsets.put(new TopicPartition("urban-sensors", 1), 2L);

        assertThat(offsets).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urban-sensors", "urban-sensors:0", ":0=5", "urban-sensors=5", "urban-sensors:0=1,,urban-sensors:1=2"})
    void shouldRefuseEntriesWithoutTopicPartitionOrOffset(String text) {
        assertThatThrownBy(() -> OffsetsText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not an offset entry: '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urban-sensors:x=5", "urban-sensors:0=", "urban-sensors:0=five", "urban-sensors:=5"})
    void shouldRefuseNonNumericPartitionsAndOffsets(String text) {
        assertThatThrownBy(() -> OffsetsText.parse(text)).isInstanceOf(NumberFormatException.class);
    }
}
