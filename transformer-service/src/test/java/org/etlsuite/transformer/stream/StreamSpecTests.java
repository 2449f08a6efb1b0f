package org.etlsuite.transformer.stream;

import java.util.List;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.urban.UrbanFeatures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamSpecTests {

    private static StreamSpec<UrbanSensorReading, ?> spec(String topic, List<QualityRule<UrbanSensorReading>> rules) {
        return new StreamSpec<>(topic, UrbanSensorReading.class, UrbanSensorReadingProcessed.class, rules, UrbanSensorReading::getSensorId,
                UrbanFeatures::eventId, StreamSpec.DedupKeying.INPUT_KEY, UrbanFeatures::enrich);
    }

    @Test
    void shouldDeriveEveryTopicAndStoreNameFromTheInputTopic() {
        StreamSpec<UrbanSensorReading, ?> spec = spec("product-events", List.of());

        assertThat(spec.deadLetterTopic()).isEqualTo("product-events.DLT");
        assertThat(spec.processedTopic()).isEqualTo("product-events.processed");
        assertThat(spec.eventIdStore()).isEqualTo("product-events-event-ids");
        assertThat(spec.dataQuality().topic()).isEqualTo("product-events.data-quality-by-partition");
        assertThat(spec.dataQuality().partialStore("dead-letters")).isEqualTo("product-events-data-quality-dead-letters");
        assertThat(spec.dataQuality().globalStore()).isEqualTo("product-events-data-quality");
        assertThat(spec.step("check")).isEqualTo("product-events-check");
    }

    @Test
    void shouldCheckForAValueBeforeTheStreamsOwnRules() {
        StreamSpec<UrbanSensorReading, ?> spec = spec("t", List.of(QualityRule.of("a", r -> true), QualityRule.of("b", r -> true)));

        assertThat(spec.checkedRules()).extracting(QualityRule::name).containsExactly("value-present", "a", "b");
        assertThat(QualityRule.firstBroken(spec.checkedRules(), null)).map(QualityRule::name).contains("value-present");
    }

    @Test
    void shouldRefuseDuplicateOrReservedRuleNames() {
        assertThatThrownBy(() -> spec("t", List.of(QualityRule.of("a", r -> true), QualityRule.of("a", r -> false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
        assertThatThrownBy(() -> spec("t", List.of(QualityRule.of("value-present", r -> true))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseRuleNamesThatAreNotKebabCase() {
        assertThatThrownBy(() -> QualityRule.of("PM25_RANGE", r -> true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualityRule.of("pm25 range", r -> true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualityRule.of("", r -> true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseATopicThatWouldBreakTheCounterKeys() {
        assertThatThrownBy(() -> spec("a|b", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAnswerTheFirstBrokenRuleInOrder() {
        List<QualityRule<Integer>> rules = List.of(QualityRule.of("positive", (Integer n) -> n > 0), QualityRule.of("even", (Integer n) -> n % 2 == 0));

        assertThat(QualityRule.firstBroken(rules, 4)).isEmpty();
        assertThat(QualityRule.firstBroken(rules, 3)).map(QualityRule::name).contains("even");
        assertThat(QualityRule.firstBroken(rules, -3)).map(QualityRule::name).contains("positive");
    }
}
