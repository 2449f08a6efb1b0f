package org.etlsuite.producer.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.TestProperties;
import org.etlsuite.producer.burst.BurstHeaders;
import org.etlsuite.producer.send.EventSender;
import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.send.RecordingEventSender;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.QualityRules;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.urban.UrbanSensorGenerator;
import org.etlsuite.producer.urban.UrbanSensorsStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContinuousServiceTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T08:30:00Z"), ZoneOffset.UTC);
    private final UrbanSensorsStream stream = new UrbanSensorsStream(clock);
    private final ProducerMetrics metrics = new ProducerMetrics(new SimpleMeterRegistry(), new StreamCatalog(List.of(stream)));
    private ContinuousService service;

    private ContinuousService service(EventSender sender) {
        service = new ContinuousService(sender, metrics, TestProperties.defaults(), clock);
        return service;
    }

    @AfterEach
    void stopThreads() {
        if (service != null) {
            service.destroy();
        }
    }

    @Test
    void shouldReportANeverStartedStreamAsStoppedWithZeroCounts() {
        ContinuousView view = service(new RecordingEventSender()).status(stream);

        assertThat(view.stream()).isEqualTo("urban-sensors");
        assertThat(view.state()).isEqualTo(ContinuousState.STOPPED);
        assertThat(view.ratePerSecond()).isNull();
        assertThat(view.seed()).isNull();
        assertThat(view.sent()).isZero();
        assertThat(view.startedAt()).isNull();
        assertThat(view.dirtyByDefect()).containsOnlyKeys(stream.defects().kinds()).allSatisfy((kind, count) -> assertThat(count).isZero());
    }

    @Test
    void shouldSendTheSeededSequenceOnItsOwnThreadUntilStopped() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);

        ContinuousService.Started started = continuous.start(stream, new ContinuousSpec(200.0, 5L, 0, null));
        assertThat(started.created()).isTrue();
        assertThat(started.view().state()).isEqualTo(ContinuousState.RUNNING);
        assertThat(started.view().ratePerSecond()).isEqualTo(200.0);
        assertThat(started.view().seed()).isEqualTo(5L);
        assertThat(started.view().startedAt()).isEqualTo(clock.instant());
        await().atMost(TIMEOUT).until(() -> sender.sent().size() >= 20);

        ContinuousView stopped = continuous.stop(stream);

        assertThat(stopped.state()).isEqualTo(ContinuousState.STOPPED);
        assertThat(stopped.sent()).isEqualTo(sender.sent().size()).isGreaterThanOrEqualTo(20);
        assertThat(stopped.acked()).isEqualTo(stopped.sent());
        assertThat(stopped.failed()).isZero();
        assertThat(stopped.stoppedAt()).isEqualTo(clock.instant());
        assertThat(sender.values()).containsExactlyElementsOf(expected(5L, sender.sent().size()));
        assertThat(sender.sent()).allSatisfy(record -> {
            assertThat(record.thread()).isEqualTo("continuous-urban-sensors");
            assertThat(record.topic()).isEqualTo("urban-sensors");
            assertThat(record.key()).isEqualTo(((UrbanSensorReading) record.value()).getSensorId());
        });
        assertThat(continuous.status(stream)).isEqualTo(stopped);
    }

    @Test
    void shouldSendContinuousRecordsWithoutABurstId() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);

        continuous.start(stream, new ContinuousSpec(500.0, 3L, 0, null));
        await().atMost(TIMEOUT).until(() -> sender.sent().size() >= 20);
        continuous.stop(stream);

        assertThat(sender.sent()).allSatisfy(record ->
                assertThat(record.headerValues(BurstHeaders.BURST_ID)).isEmpty());
    }

    @Test
    void shouldReRateAtOnceWhileThePacerWaitsAndCarryOnTheSameSequence() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(0.1, 7L, 0, null)); // event 0 at once, event 1 due after 10 s
        await().atMost(TIMEOUT).until(() -> sender.sent().size() == 1);

        ContinuousService.Started reRated = continuous.start(stream, new ContinuousSpec(100.0, null, 0, null));

        assertThat(reRated.created()).isFalse();
        assertThat(reRated.view().ratePerSecond()).isEqualTo(100.0);
        assertThat(reRated.view().seed()).isEqualTo(7L);
        // 30 more events at 100/s take 0.3 s; at the old rate they would take 300 s.
        await().atMost(Duration.ofSeconds(5)).until(() -> sender.sent().size() >= 31);
        ContinuousView stopped = continuous.stop(stream);
        // The generator was not restarted: the events continue the seed's one sequence, and so do the counters.
        assertThat(sender.values()).containsExactlyElementsOf(expected(7L, sender.sent().size()));
        assertThat(stopped.sent()).isEqualTo(sender.sent().size());
    }

    @Test
    void shouldStartTheNewScheduleAtTheReRateInsteadOfKeepingTheOldStart() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(0.1, 8L, 0, null));
        await().atMost(TIMEOUT).until(() -> sender.sent().size() == 1);

        long reRatedAt = System.nanoTime();
        continuous.start(stream, new ContinuousSpec(0.2, null, 0, null));

        // A schedule restarted now releases its first event at once; the old start would put it 5 s after start.
        await().atMost(Duration.ofSeconds(2)).until(() -> sender.sent().size() == 2);
        assertThat(sender.sent().get(1).nanoTime() - reRatedAt).isLessThan(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void shouldChangeOnlyTheDirtyFractionWithoutTouchingTheSchedule() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(0.1, 9L, 0, null));
        await().atMost(TIMEOUT).until(() -> sender.sent().size() == 1);

        ContinuousService.Started changed = continuous.start(stream, new ContinuousSpec(0.1, 9L, 0.5, null));

        assertThat(changed.created()).isFalse();
        assertThat(changed.view().dirtyFraction()).isEqualTo(0.5);
        // Same rate, same schedule: event 1 is still 10 s away.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> sender.sent().size() == 1);
    }

    @Test
    void shouldStopAtOnceWhileThePacerWaitsAndSendNothingMore() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(0.1, 10L, 0, null));
        await().atMost(TIMEOUT).until(() -> sender.sent().size() == 1);

        long before = System.nanoTime();
        ContinuousView stopped = continuous.stop(stream);

        assertThat(System.nanoTime() - before).isLessThan(Duration.ofSeconds(2).toNanos());
        assertThat(stopped.state()).isEqualTo(ContinuousState.STOPPED);
        assertThat(stopped.sent()).isEqualTo(1);
        assertThat(stopped.acked()).isEqualTo(1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> sender.sent().size() == 1);
    }

    @Test
    void shouldAnswerTheStopOnceTheOutstandingAcknowledgementsHaveSettled() {
        RecordingEventSender sender = new RecordingEventSender().holdAcknowledgements();
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(100.0, 11L, 0, null));
        await().atMost(TIMEOUT).until(() -> sender.sent().size() >= 5);

        CompletableFuture<ContinuousView> stopping = CompletableFuture.supplyAsync(() -> continuous.stop(stream));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !stopping.isDone());
        assertThat(continuous.status(stream).state()).isEqualTo(ContinuousState.STOPPED);
        sender.sent().forEach(record -> record.ack().complete("ok"));

        ContinuousView stopped = stopping.join();
        assertThat(stopped.sent()).isEqualTo(sender.sent().size());
        assertThat(stopped.acked()).isEqualTo(stopped.sent());
    }

    @Test
    void shouldCountDirtyEventsPerDefectExactlyAsTheyWereSent() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(1000.0, 12L, 0.5, null));
        await().atMost(TIMEOUT).until(() -> sender.sent().size() >= 300);

        ContinuousView stopped = continuous.stop(stream);

        Map<String, Long> expected = new HashMap<>();
        stream.defects().kinds().forEach(kind -> expected.put(kind, 0L));
        sender.values().forEach(value -> QualityRules.violations(value).forEach(rule -> expected.merge(rule, 1L, Long::sum)));
        assertThat(stopped.dirtyByDefect()).isEqualTo(expected);
        assertThat(stopped.dirty()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(stopped.dirtyFraction()).isEqualTo(0.5);
    }

    @Test
    void shouldSendAsFastAsPossibleWithoutARate() {
        AtomicLong sends = new AtomicLong();
        ContinuousService continuous = service((topic, key, value, headers, delivery) -> {
            sends.incrementAndGet();
            delivery.acked();
        });

        continuous.start(stream, new ContinuousSpec(null, 13L, 0, null));

        // 20,000 events within a few seconds: far beyond any rate a pacer would impose on this test.
        await().atMost(TIMEOUT).until(() -> sends.get() >= 20_000);
        ContinuousView stopped = continuous.stop(stream);
        assertThat(stopped.ratePerSecond()).isNull();
        assertThat(stopped.sent()).isEqualTo(sends.get());
        assertThat(stopped.acked()).isEqualTo(sends.get());
    }

    @Test
    void shouldCountASendThatThrowsAsFailedAndCarryOnAfterAPause() {
        RecordingEventSender sender = new RecordingEventSender().throwAt(2);
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(100.0, 14L, 0, null));

        await().atMost(TIMEOUT).until(() -> sender.sent().size() >= 10);

        ContinuousView running = continuous.status(stream);
        assertThat(running.state()).isEqualTo(ContinuousState.RUNNING);
        assertThat(running.failed()).isEqualTo(1);
        assertThat(running.error()).isEqualTo("SerializationException: cannot serialize record 2");
        // The third send threw after the first two; the next ones came after the pause.
        List<RecordingEventSender.Sent> sent = sender.sent();
        assertThat(sent.get(2).nanoTime() - sent.get(1).nanoTime())
                .isGreaterThanOrEqualTo(ContinuousRun.FAILURE_PAUSE_NANOS);
    }

    @Test
    void shouldRefuseToChangeTheSeedOrBackfillOfARunningStream() {
        ContinuousService continuous = service(new RecordingEventSender());
        continuous.start(stream, new ContinuousSpec(0.1, 15L, 0, Duration.ofDays(7)));

        assertThatExceptionOfType(ContinuousConflictException.class)
                .isThrownBy(() -> continuous.start(stream, new ContinuousSpec(0.1, 16L, 0, Duration.ofDays(7))))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getBody().getDetail()).isEqualTo("seed: the continuous stream 'urban-sensors' is"
                            + " running with seed 15, not 16; only ratePerSecond and dirtyFraction change while it runs"
                            + " (stop it with DELETE first)");
                });
        assertThatExceptionOfType(ContinuousConflictException.class)
                .isThrownBy(() -> continuous.start(stream, new ContinuousSpec(0.1, 15L, 0, null)))
                .satisfies(e -> assertThat(e.getBody().getDetail()).startsWith(
                        "backfill: the continuous stream 'urban-sensors' is running with backfill P7D, not none;"));
        assertThat(continuous.start(stream, new ContinuousSpec(0.2, 15L, 0, Duration.ofDays(7))).created()).isFalse();
    }

    @Test
    void shouldStartAFreshRunAfterAStop() {
        RecordingEventSender sender = new RecordingEventSender();
        ContinuousService continuous = service(sender);
        continuous.start(stream, new ContinuousSpec(0.1, 17L, 0, null));
        await().atMost(TIMEOUT).until(() -> sender.sent().size() == 1);
        continuous.stop(stream);

        ContinuousService.Started again = continuous.start(stream, new ContinuousSpec(0.1, 18L, 0, null));

        assertThat(again.created()).isTrue();
        assertThat(again.view().seed()).isEqualTo(18L);
        await().atMost(TIMEOUT).until(() -> sender.sent().size() == 2);
        assertThat(continuous.status(stream).sent()).isEqualTo(1);
        assertThat(sender.values().get(1)).isEqualTo(expected(18L, 1).getFirst());
    }

    @Test
    void shouldRefuseToStopAStreamThatIsNotRunning() {
        ContinuousService continuous = service(new RecordingEventSender());
        assertThatExceptionOfType(ContinuousNotRunningException.class)
                .isThrownBy(() -> continuous.stop(stream))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                    assertThat(e.getBody().getDetail()).isEqualTo("stream: no continuous generator of stream 'urban-sensors' is running");
                });

        continuous.start(stream, new ContinuousSpec(0.1, 19L, 0, null));
        continuous.stop(stream);

        assertThatExceptionOfType(ContinuousNotRunningException.class).isThrownBy(() -> continuous.stop(stream));
    }

    private List<UrbanSensorReading> expected(long seed, int count) {
        EventGenerator<UrbanSensorReading> generator = new UrbanSensorGenerator(seed, clock);
        return Stream.generate(generator::next).limit(count).toList();
    }
}
