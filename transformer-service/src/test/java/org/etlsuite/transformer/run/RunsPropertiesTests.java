package org.etlsuite.transformer.run;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.etlsuite.transformer.run.RunsProperties.PipelineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RunsPropertiesTests {

    private static final URI PRODUCER = URI.create("http://producer.invalid:8090");
    private static final PipelineSettings HOURLY_ACTIVE = new PipelineSettings("0 0 * * * *", false, 2, Duration.ofMinutes(2), 2);
    private static final PipelineSettings EVERY_FIVE_MINUTES = new PipelineSettings("0 */5 * * * *", true, 0, Duration.ZERO, 1);

    private static RunsProperties properties(Map<String, PipelineSettings> pipelines) {
        return new RunsProperties(PRODUCER, 500, 1_000_000, Duration.ofMinutes(10), Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofSeconds(30), pipelines);
    }

    private static RunsProperties timings(Duration heartbeatInterval, Duration staleAfter) {
        return new RunsProperties(PRODUCER, 500, 1_000_000, Duration.ofMinutes(10), Duration.ofMillis(500), heartbeatInterval,
                staleAfter, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 * * *", "every hour", "", "0 0 25 * * *"})
    void shouldRefuseInvalidCron(String cron) {
        assertThatThrownBy(() -> new PipelineSettings(cron, true, 2, Duration.ofMinutes(2), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a valid cron expression (six fields, seconds first): '" + cron + "'");
    }

    @Test
    void shouldAcceptSixFieldCronAndMacros() {
        assertThat(new PipelineSettings("0 30 6 * * MON-FRI", true, 2, Duration.ofMinutes(2), 2).cron()).isEqualTo("0 30 6 * * MON-FRI");
        assertThat(new PipelineSettings("@hourly", true, 2, Duration.ofMinutes(2), 2).cron()).isEqualTo("@hourly");
    }

    @Test
    void shouldRefuseNegativeRetries() {
        assertThatThrownBy(() -> new PipelineSettings("0 0 * * * *", true, -1, Duration.ofMinutes(2), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retries must not be negative, was -1");
    }

    @Test
    void shouldRefuseNegativeBackoff() {
        assertThatThrownBy(() -> new PipelineSettings("0 0 * * * *", true, 2, Duration.ofSeconds(-1), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry-backoff must not be negative, was PT-1S");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.99, 0, -2, Double.NaN})
    void shouldRefuseMultiplierBelowOne(double multiplier) {
        assertThatThrownBy(() -> new PipelineSettings("0 0 * * * *", true, 2, Duration.ofMinutes(2), multiplier))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoff-multiplier must be at least 1, was " + multiplier);
    }

    @Test
    void shouldDoubleTheBackoffAfterEachFailedAttempt() {
        PipelineSettings settings = PipelineSettings.defaults();

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void shouldWaitTheFirstBackoffBeforeAnyFailure() {
        assertThat(PipelineSettings.defaults().backoffAfter(0)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldApplyFractionalMultipliersToTheMillisecond() {
        PipelineSettings settings = new PipelineSettings("0 0 * * * *", true, 5, Duration.ofSeconds(10), 1.5);

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMillis(22_500));
    }

    @Test
    void shouldKeepConstantBackoffWithMultiplierOne() {
        PipelineSettings settings = new PipelineSettings("0 0 * * * *", true, 3, Duration.ofSeconds(30), 1);

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldDefaultToHourlyPausedWithTwoRetriesTwoMinutesApartDoubling() {
        assertThat(PipelineSettings.defaults()).isEqualTo(new PipelineSettings("0 0 * * * *", true, 2, Duration.ofMinutes(2), 2.0));
    }

    @Test
    void shouldGiveDefaultsToPipelinesWithoutSettings() {
        RunsProperties properties = properties(Map.of("urban-sensors", HOURLY_ACTIVE));

        assertThat(properties.settings(TestPipelines.URBAN_SENSORS)).isEqualTo(HOURLY_ACTIVE);
        assertThat(properties.settings(TestPipelines.PRODUCT_EVENTS)).isEqualTo(PipelineSettings.defaults());
        assertThat(properties.settings(TestPipelines.TRANSPORTATION)).isEqualTo(PipelineSettings.defaults());
        assertThat(properties.all()).containsExactly(
                entry(TestPipelines.URBAN_SENSORS, HOURLY_ACTIVE),
                entry(TestPipelines.PRODUCT_EVENTS, PipelineSettings.defaults()),
                entry(TestPipelines.TRANSPORTATION, PipelineSettings.defaults()));
    }

    @Test
    void shouldGiveDefaultsToEveryPipelineWithoutAnyPipelineSettings() {
        RunsProperties properties = properties(null);

        assertThat(properties.pipelines()).isEmpty();
        assertThat(properties.settings(TestPipelines.TRANSPORTATION)).isEqualTo(PipelineSettings.defaults());
    }

    @Test
    void shouldAcceptDagIdsAsKeysAndStoreThemUnderPipelineIds() {
        RunsProperties properties = properties(Map.of("VMI_001", EVERY_FIVE_MINUTES, "vmi_product_events_etl", HOURLY_ACTIVE));

        assertThat(properties.pipelines()).containsOnly(
                entry("transportation", EVERY_FIVE_MINUTES),
                entry("product-events", HOURLY_ACTIVE));
        assertThat(properties.settings(TestPipelines.TRANSPORTATION)).isEqualTo(EVERY_FIVE_MINUTES);
        assertThat(properties.settings(TestPipelines.PRODUCT_EVENTS)).isEqualTo(HOURLY_ACTIVE);
        assertThat(properties.settings(TestPipelines.URBAN_SENSORS)).isEqualTo(PipelineSettings.defaults());
    }

    @Test
    void shouldRefuseUnknownPipelineKeys() {
        // a misspelt key would otherwise leave that pipeline on the defaults without a word
        assertThatThrownBy(() -> properties(Map.of("urban-sensor", HOURLY_ACTIVE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("etl.runs.pipelines.urban-sensor: no such pipeline")
                .hasMessageContainingAll("urban-sensors", "product-events", "transportation");
    }

    @Test
    void shouldRefuseTheSamePipelineByIdAndByDagId() {
        // which of the two entries counted would otherwise depend on the map's iteration order
        assertThatThrownBy(() -> properties(Map.of("urban-sensors", HOURLY_ACTIVE, "VMI_URBAN_SENSORS_ELT", EVERY_FIVE_MINUTES)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("etl.runs.pipelines configures urban-sensors twice");
    }

    @Test
    void shouldRefuseStaleAfterShorterThanTwoHeartbeats() {
        assertThatThrownBy(() -> timings(Duration.ofSeconds(5), Duration.ofMillis(9_999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etl.runs.stale-after must be at least two heartbeat intervals, was PT9.999S");
        assertThat(timings(Duration.ofSeconds(5), Duration.ofSeconds(10)).staleAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseDefaultEventsOutsideOneToMaxEvents() {
        assertThatThrownBy(() -> new RunsProperties(PRODUCER, 0, 10, Duration.ofMinutes(10), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(30), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etl.runs needs 1 <= default-events <= max-events, was 0 and 10");
        assertThatThrownBy(() -> new RunsProperties(PRODUCER, 11, 10, Duration.ofMinutes(10), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(30), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etl.runs needs 1 <= default-events <= max-events, was 11 and 10");
    }

    @Test
    void shouldRefuseNonPositiveIntervals() {
        assertThatThrownBy(() -> new RunsProperties(PRODUCER, 500, 1_000, Duration.ZERO, Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(30), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etl.runs intervals and timeouts must be positive");
        assertThatThrownBy(() -> new RunsProperties(PRODUCER, 500, 1_000, Duration.ofMinutes(10), Duration.ofMillis(-1),
                Duration.ofSeconds(5), Duration.ofSeconds(30), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etl.runs intervals and timeouts must be positive");
    }
}
