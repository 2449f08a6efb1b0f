package org.etlsuite.transformer.run;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.etlsuite.transformer.run.store.RunStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Runs of existing events are sized when they are asked for: too large a range is refused before anything is queued. */
class RunServiceTests {

    private static final long MAX_EVENTS = 50;
    private static final TopicPartition URBAN_0 = new TopicPartition("urban-sensors", 0);
    private static final TopicPartition URBAN_1 = new TopicPartition("urban-sensors", 1);

    private final RunStore store = mock(RunStore.class);
    private final RunExecutor executor = mock(RunExecutor.class);
    private final ExistingEventsRange existingEvents = mock(ExistingEventsRange.class);
    private final RunService runs = new RunService(store, executor, existingEvents, new RunsProperties(URI.create("http://localhost:8090"),
            10, MAX_EVENTS, Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5), null));

    private void pending(long partition0, long partition1, Long previousRunId) throws Exception {
        when(existingEvents.pending(TestPipelines.URBAN_SENSORS, ExistingEventsRange.NO_RUN)).thenReturn(new ExistingEventsRange.Pending(
                new OffsetRanges(Map.of(URBAN_0, 100L, URBAN_1, 0L), Map.of(URBAN_0, 100L + partition0, URBAN_1, partition1)),
                Map.of(), previousRunId));
    }

    @Test
    void refusesARunOfExistingEventsWhosePendingRangeExceedsTheLimitAndQueuesNothing() throws Exception {
        pending(30, 21, 12L);

        assertThatThrownBy(() -> runs.start(TestPipelines.URBAN_SENSORS, RunTrigger.API, RunParameters.existingEvents()))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessage("The pending range of urban-sensors holds 51 offsets (since run 12, the previous generate=false run); "
                        + "a run takes at most 50 (etl.runs.max-events). Use generating runs (generate=true), which take only their "
                        + "own burst, or raise etl.runs.max-events.");
        verify(store, never()).insert(any(), any(), any());
        verify(executor, never()).submit(anyLong());
    }

    @Test
    void namesTheTopicsBeginningWhenNoRunOfExistingEventsHasSucceededYet() throws Exception {
        pending(51, 0, null);

        assertThatThrownBy(() -> runs.start(TestPipelines.URBAN_SENSORS, RunTrigger.MANUAL, RunParameters.existingEvents()))
                .isInstanceOf(InvalidRunParametersException.class)
                .hasMessageContaining("holds 51 offsets (since the beginning of the topic: no generate=false run has succeeded yet)");
    }

    @Test
    void queuesARunOfExistingEventsWhosePendingRangeIsExactlyTheLimit() throws Exception {
        pending(20, 30, 12L);
        when(store.activeRun(TestPipelines.URBAN_SENSORS)).thenReturn(Optional.empty());
        when(store.insert(TestPipelines.URBAN_SENSORS, RunTrigger.API, RunParameters.existingEvents())).thenReturn(13L);

        runs.start(TestPipelines.URBAN_SENSORS, RunTrigger.API, RunParameters.existingEvents());

        verify(executor).submit(13L);
    }

    @Test
    void answersAnActiveRunBeforeSizingAnything() {
        when(store.activeRun(TestPipelines.URBAN_SENSORS)).thenReturn(Optional.of(7L));

        assertThatThrownBy(() -> runs.start(TestPipelines.URBAN_SENSORS, RunTrigger.API, RunParameters.existingEvents()))
                .isInstanceOf(ActiveRunConflictException.class);
        verifyNoInteractions(existingEvents);
    }

    @Test
    void doesNotSizeGeneratingRuns() {
        when(store.insert(any(), any(), any())).thenReturn(14L);

        runs.start(TestPipelines.URBAN_SENSORS, RunTrigger.SCHEDULE, new RunParameters(true, 10L, null, null, null, null));

        verifyNoInteractions(existingEvents);
        verify(executor).submit(14L);
    }

    @Test
    void answersKafkaUnavailableWhenThePendingRangeCannotBeSized() throws Exception {
        when(existingEvents.pending(TestPipelines.URBAN_SENSORS, ExistingEventsRange.NO_RUN))
                .thenThrow(new ExecutionException(new TimeoutException("Timed out waiting for a node assignment")));

        assertThatThrownBy(() -> runs.start(TestPipelines.URBAN_SENSORS, RunTrigger.API, RunParameters.existingEvents()))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessage("Cannot size the pending range of urban-sensors: "
                        + "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment");
        verify(store, never()).insert(any(), any(), any());
    }
}
