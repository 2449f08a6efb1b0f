package org.etlsuite.transformer.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRequestTests {

    private static final long DEFAULT_EVENTS = 500;
    private static final long MAX_EVENTS = 1_000;

    private static RunRequest request(Boolean generate, Long events, Double ratePerSecond, Double durationSeconds, Long seed,
                                      Double dirtyFraction) {
        return new RunRequest(generate, events, ratePerSecond, durationSeconds, seed, dirtyFraction, null);
    }

    private static RunRequest withTrigger(String trigger) {
        return new RunRequest(null, null, null, null, null, null, trigger);
    }

    private static RunParameters parameters(RunRequest request) {
        return request.toParameters(DEFAULT_EVENTS, MAX_EVENTS);
    }

    @Test
    void shouldGenerateDefaultSizedBurstForEmptyRequest() {
        assertThat(parameters(RunRequest.empty())).isEqualTo(new RunParameters(true, DEFAULT_EVENTS, null, null, null, null));
    }

    @Test
    void shouldKeepEveryBurstFieldOfAFullRequest() {
        assertThat(parameters(request(true, 200L, 2.5, null, 42L, 0.25)))
                .isEqualTo(new RunParameters(true, 200L, 2.5, null, 42L, 0.25));
    }

    @Test
    void shouldTakeExistingEventsWhenGenerateIsFalse() {
        assertThat(parameters(request(false, null, null, null, null, null))).isEqualTo(RunParameters.existingEvents());
        assertThat(RunParameters.existingEvents()).isEqualTo(new RunParameters(false, null, null, null, null, null));
    }

    @Test
    void shouldAllowTriggerWithGenerateFalse() {
        // the trigger says who started the run, not what the burst looks like
        RunRequest request = new RunRequest(false, null, null, null, null, null, "manual");

        assertThat(parameters(request)).isEqualTo(RunParameters.existingEvents());
        assertThat(request.toTrigger()).isEqualTo(RunTrigger.MANUAL);
    }

    @Test
    void shouldRefuseEachBurstFieldWithGenerateFalse() {
        String message = "events, ratePerSecond, durationSeconds, seed and dirtyFraction describe a burst; they are not allowed with generate=false";
        assertThatThrownBy(() -> parameters(request(false, 10L, null, null, null, null)))
                .isInstanceOf(InvalidRunParametersException.class).hasMessage(message);
        assertThatThrownBy(() -> parameters(request(false, null, 1.0, null, null, null)))
                .isInstanceOf(InvalidRunParametersException.class).hasMessage(message);
        assertThatThrownBy(() -> parameters(request(false, null, null, 10.0, null, null)))
                .isInstanceOf(InvalidRunParametersException.class).hasMessage(message);
        assertThatThrownBy(() -> parameters(request(false, null, null, null, 7L, null)))
                .isInstanceOf(InvalidRunParametersException.class).hasMessage(message);
        assertThatThrownBy(() -> parameters(request(false, null, null, null, null, 0.0)))
                .isInstanceOf(InvalidRunParametersException.class).hasMessage(message);
    }

    @Test
    void shouldRefuseEventsTogetherWithDuration() {
        assertThatThrownBy(() -> parameters(request(null, 10L, 1.0, 10.0, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("Give either events or durationSeconds, not both");
    }

    @Test
    void shouldRefuseDurationWithoutRate() {
        assertThatThrownBy(() -> parameters(request(null, null, null, 30.0, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("durationSeconds requires ratePerSecond");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void shouldRefuseDurationThatIsNotPositiveAndFinite(double durationSeconds) {
        assertThatThrownBy(() -> parameters(request(null, null, 1.0, durationSeconds, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("durationSeconds must be positive, was " + durationSeconds);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.099, 0.0, -5.0, Double.NaN, Double.POSITIVE_INFINITY})
    void shouldRefuseRateBelowOneTenthOrNotFinite(double ratePerSecond) {
        assertThatThrownBy(() -> parameters(request(null, 10L, ratePerSecond, null, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("ratePerSecond must be a number of at least 0.1, was " + ratePerSecond);
    }

    @Test
    void shouldAcceptRateOfExactlyOneTenth() {
        assertThat(parameters(request(null, 10L, 0.1, null, null, null)).ratePerSecond()).isEqualTo(0.1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void shouldRefuseDirtyFractionOutsideZeroToOne(double dirtyFraction) {
        assertThatThrownBy(() -> parameters(request(null, null, null, null, null, dirtyFraction)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("dirtyFraction must be between 0 and 1, was " + dirtyFraction);
    }

    @Test
    void shouldAcceptDirtyFractionBounds() {
        assertThat(parameters(request(null, null, null, null, null, 0.0)).dirtyFraction()).isEqualTo(0.0);
        assertThat(parameters(request(null, null, null, null, null, 1.0)).dirtyFraction()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepDurationAndLeaveEventsToTheProducerForBurstByDuration() {
        // 30 × 0.1 is 3.0000000000000004 in double arithmetic; the decimal product is exactly 3
        assertThat(parameters(request(null, null, 0.1, 30.0, 9L, null)))
                .isEqualTo(new RunParameters(true, null, 0.1, 30.0, 9L, null));
    }

    @Test
    void shouldRoundDurationTimesRateHalfUpWhenCheckingTheBurst() {
        // 5 s at 0.1/s is half an event: rounded up to one, so accepted
        assertThat(parameters(request(null, null, 0.1, 5.0, null, null)).durationSeconds()).isEqualTo(5.0);
        // 4 s at 0.1/s is 0.4 events: rounded down to none
        assertThatThrownBy(() -> parameters(request(null, null, 0.1, 4.0, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("durationSeconds × ratePerSecond must make at least one event, was 4.0 × 0.1");
    }

    @Test
    void shouldRefuseBurstByDurationAboveMaxEvents() {
        // 1000.5 rounds half up to 1001, one over the limit
        assertThatThrownBy(() -> parameters(request(null, null, 0.5, 2001.0, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("A run holds at most 1000 events (etl.runs.max-events), asked for 1001");
        assertThat(parameters(request(null, null, 0.5, 2000.0, null, null)).durationSeconds()).isEqualTo(2000.0);
    }

    @Test
    void shouldRefuseBurstByDurationWhoseEventCountOverflowsALong() {
        // 1.8446744073709556E19 s at 1/s is 2^64 + 4384 events, whose low 64 bits (4384) fit under the limit:
        // the whole product, not what is left of it in a long, must decide whether the run fits
        double durationSeconds = 0x1.0000000000001p64;

        assertThatThrownBy(() -> request(null, null, 1.0, durationSeconds, null, null).toParameters(DEFAULT_EVENTS, 1_000_000))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessageStartingWith("A run holds at most 1000000 events (etl.runs.max-events), asked for ");
    }

    @Test
    void shouldRefuseEventsAboveMaxEvents() {
        assertThatThrownBy(() -> parameters(request(null, MAX_EVENTS + 1, null, null, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("A run holds at most 1000 events (etl.runs.max-events), asked for 1001");
    }

    @Test
    void shouldAcceptEventsOfExactlyMaxEvents() {
        assertThat(parameters(request(null, MAX_EVENTS, null, null, null, null)).events()).isEqualTo(MAX_EVENTS);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void shouldRefuseEventsBelowOne(long events) {
        assertThatThrownBy(() -> parameters(request(null, events, null, null, null, null)))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("events must be at least 1, was " + events);
    }

    @Test
    void shouldRefuseDefaultAboveMaxEventsToo() {
        assertThatThrownBy(() -> RunRequest.empty().toParameters(2_000, MAX_EVENTS))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("A run holds at most 1000 events (etl.runs.max-events), asked for 2000");
    }

    @Test
    void shouldTreatMissingOrApiTriggerAsApiIgnoringCase() {
        assertThat(withTrigger(null).toTrigger()).isEqualTo(RunTrigger.API);
        assertThat(withTrigger("api").toTrigger()).isEqualTo(RunTrigger.API);
        assertThat(withTrigger("API").toTrigger()).isEqualTo(RunTrigger.API);
    }

    @Test
    void shouldTreatManualTriggerAsManualIgnoringCase() {
        assertThat(withTrigger("manual").toTrigger()).isEqualTo(RunTrigger.MANUAL);
        assertThat(withTrigger("Manual").toTrigger()).isEqualTo(RunTrigger.MANUAL);
    }

    @Test
    void shouldRefuseScheduleTriggerFromARequest() {
        // only the scheduler starts scheduled runs; a caller must not pass as one
        assertThatThrownBy(() -> withTrigger("schedule").toTrigger())
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("trigger must be 'api' or 'manual', was 'schedule'");
        assertThatThrownBy(() -> withTrigger("").toTrigger())
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("trigger must be 'api' or 'manual', was ''");
    }
}
