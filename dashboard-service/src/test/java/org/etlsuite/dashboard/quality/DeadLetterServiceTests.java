package org.etlsuite.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeadLetterServiceTests {

    @Test
    void shouldShowPositionTimeReasonsSourceAndTheValueInHex() {
        DeadLetter letter = new DeadLetter("urban-sensors.DLT", 1, 42, Instant.parse("2025-03-14T09:30:05Z"),
                Map.of(DeadLetterHeaders.REASON, "quality", DeadLetterHeaders.RULE, "pm25-range",
                        DeadLetterHeaders.SOURCE_TOPIC, "urban-sensors", DeadLetterHeaders.SOURCE_PARTITION, "2",
                        DeadLetterHeaders.SOURCE_OFFSET, "17", "etl.dlt.unknown", "left out"),
                new byte[] {0x00, 0x00, 0x00, 0x00, 0x07, (byte) 0xff, 'h', 'i'}, 8);

        assertThat(DeadLetterService.letter(letter)).isEqualTo(new QualityPage.Letter("partition 1 offset 42",
                "2025-03-14 09:30:05 UTC", List.of("etl.dlt.reason: quality", "etl.dlt.rule: pm25-range"),
                "urban-sensors partition 2 offset 17", "00 00 00 00 07 ff 68 69", "8 bytes"));
    }

    @Test
    void shouldMarkAValueLongerThanItsPreview() {
        DeadLetter letter = new DeadLetter("urban-sensors.DLT", 0, 0, Instant.EPOCH, Map.of(DeadLetterHeaders.REASON, "deserialization",
                DeadLetterHeaders.ERROR, "truncated"), new byte[] {0x0a, 0x0b}, 1_200);

        QualityPage.Letter shown = DeadLetterService.letter(letter);

        assertThat(shown.value()).isEqualTo("0a 0b …");
        assertThat(shown.size()).isEqualTo("1,200 bytes");
        assertThat(shown.reasons()).containsExactly("etl.dlt.reason: deserialization", "etl.dlt.error: truncated");
        assertThat(shown.source()).isEqualTo("unknown");
    }

    @Test
    void shouldSayATombstoneHasNoValue() {
        DeadLetter letter = new DeadLetter("urban-sensors.DLT", 0, 3, Instant.EPOCH, Map.of(), new byte[0], -1);

        assertThat(DeadLetterService.letter(letter)).extracting(QualityPage.Letter::value, QualityPage.Letter::size)
                .containsExactly("", "no value");
    }

    @Test
    void shouldNameTheDeadLetterTopicOfEveryStream() {
        assertThat(DeadLetterHeaders.TOPICS).containsExactly("product-events.DLT", "transportation-stats.DLT", "urban-sensors.DLT");
    }
}
