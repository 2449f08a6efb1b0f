package org.etlsuite.producer.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.TestProperties;
import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.send.RecordingEventSender;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.urban.UrbanSensorGenerator;
import org.etlsuite.producer.urban.UrbanSensorsStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BurstServiceTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T08:30:00Z"), ZoneOffset.UTC);
    private final UrbanSensorsStream stream = new UrbanSensorsStream(clock);
    private final ProducerMetrics metrics = new ProducerMetrics(new SimpleMeterRegistry(), new StreamCatalog(List.of(stream)));
    private BurstService service;

    private BurstService service(RecordingEventSender sender, int threads, int queueCapacity, int historySize) {
        service = new BurstService(sender, metrics, TestProperties.bursts(threads, queueCapacity, historySize), clock);
        return service;
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        if (service != null) {
            service.destroy();
        }
    }

    @Test
    void shouldAdmitABurstAsRunningWithNothingSentYet() {
        BurstView admitted = service(new RecordingEventSender().holdAcknowledgements(), 1, 1, 10)
                .start(stream, 25, 12.5, 9L);

        assertThat(admitted.id()).isNotBlank();
        assertThat(admitted.stream()).isEqualTo("urban-sensors");
        assertThat(admitted.requested()).isEqualTo(25);
        assertThat(admitted.sent()).isZero();
        assertThat(admitted.acked()).isZero();
        assertThat(admitted.failed()).isZero();
        assertThat(admitted.state()).isEqualTo(BurstState.RUNNING);
        assertThat(admitted.startedAt()).isEqualTo(clock.instant());
        assertThat(admitted.finishedAt()).isNull();
        assertThat(admitted.ratePerSecond()).isEqualTo(12.5);
        assertThat(admitted.seed()).isEqualTo(9L);
        assertThat(admitted.error()).isNull();
    }

    @Test
    void shouldSendTheSeededSequenceKeyedBySensorIdAndCompleteWhenAllAreAcked() {
        RecordingEventSender sender = new RecordingEventSender();
        BurstService bursts = service(sender, 1, 1, 10);

        BurstView admitted = bursts.start(stream, 500, null, 1234L);
        BurstView done = awaitFinished(bursts, admitted.id());

        assertThat(done.state()).isEqualTo(BurstState.COMPLETED);
        assertThat(done.sent()).isEqualTo(500);
        assertThat(done.acked()).isEqualTo(500);
        assertThat(done.failed()).isZero();
        assertThat(done.finishedAt()).isEqualTo(clock.instant());
        assertThat(sender.values()).containsExactlyElementsOf(expected(1234L, 500));
        assertThat(sender.sent()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("urban-sensors");
            assertThat(record.key()).isEqualTo(((UrbanSensorReading) record.value()).getSensorId());
        });
    }

    @Test
    void shouldTagEveryBurstRecordWithTheBurstId() {
        RecordingEventSender sender = new RecordingEventSender();
        BurstService bursts = service(sender, 2, 1, 10);

        // Two bursts at once, so that their records interleave as they would on the topic.
        String first = bursts.start(stream, 300, null, 1L).id();
        String second = bursts.start(stream, 200, null, 2L).id();
        awaitFinished(bursts, first);
        awaitFinished(bursts, second);

        assertThat(sender.sent()).hasSize(500).allSatisfy(record ->
                assertThat(record.headerValues(BurstHeaders.BURST_ID)).singleElement().isIn(first, second));
        Map<String, List<Object>> valuesByBurst = sender.sent().stream().collect(Collectors.groupingBy(
                record -> record.headerValues(BurstHeaders.BURST_ID).getFirst(),
                Collectors.mapping(RecordingEventSender.Sent::value, Collectors.toList())));
        assertThat(valuesByBurst.get(first)).containsExactlyElementsOf(expected(1L, 300));
        assertThat(valuesByBurst.get(second)).containsExactlyElementsOf(expected(2L, 200));
    }

    @Test
    void shouldStayRunningUntilTheLastAcknowledgementArrives() {
        RecordingEventSender sender = new RecordingEventSender().holdAcknowledgements();
        BurstService bursts = service(sender, 1, 1, 10);

        String id = bursts.start(stream, 10, null, 1L).id();
        await().atMost(TIMEOUT).until(() -> view(bursts, id).sent() == 10);
        List<RecordingEventSender.Sent> sent = sender.sent();
        sent.subList(0, 9).forEach(record -> record.ack().complete("ok"));

        BurstView almost = view(bursts, id);
        assertThat(almost.acked()).isEqualTo(9);
        assertThat(almost.state()).isEqualTo(BurstState.RUNNING);
        assertThat(almost.finishedAt()).isNull();

        sent.get(9).ack().complete("ok");
        BurstView done = view(bursts, id);
        assertThat(done.acked()).isEqualTo(10);
        assertThat(done.state()).isEqualTo(BurstState.COMPLETED);
        assertThat(done.finishedAt()).isNotNull();
    }

    @Test
    void shouldTurnFailedAtTheFirstFailureAndKeepCountingInFlightAcks() {
        RecordingEventSender sender = new RecordingEventSender().holdAcknowledgements();
        BurstService bursts = service(sender, 1, 1, 10);

        String id = bursts.start(stream, 10, null, 1L).id();
        await().atMost(TIMEOUT).until(() -> view(bursts, id).sent() == 10);
        List<RecordingEventSender.Sent> sent = sender.sent();
        sent.get(4).ack().completeExceptionally(new TimeoutException("expired"));

        BurstView failing = view(bursts, id);
        assertThat(failing.state()).isEqualTo(BurstState.FAILED);
        assertThat(failing.failed()).isEqualTo(1);
        assertThat(failing.acked()).isZero();
        assertThat(failing.finishedAt()).isNull();
        assertThat(failing.error()).isEqualTo("TimeoutException: expired");

        sent.stream().filter(record -> !record.ack().isDone()).forEach(record -> record.ack().complete("ok"));
        BurstView settled = view(bursts, id);
        assertThat(settled.state()).isEqualTo(BurstState.FAILED);
        assertThat(settled.acked()).isEqualTo(9);
        assertThat(settled.failed()).isEqualTo(1);
        assertThat(settled.finishedAt()).isNotNull();
    }

    @Test
    void shouldStopSendingAfterABrokerRejectsARecord() {
        RecordingEventSender sender = new RecordingEventSender().failAt(3);
        BurstService bursts = service(sender, 1, 1, 10);

        String id = bursts.start(stream, 1_000, null, 1L).id();
        BurstView done = awaitFinished(bursts, id);

        assertThat(done.state()).isEqualTo(BurstState.FAILED);
        assertThat(done.sent()).isEqualTo(4);
        assertThat(done.acked()).isEqualTo(3);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.error()).isEqualTo("RecordTooLargeException: record 3 is too large");
        assertThat(sender.sent()).hasSize(4);
    }

    @Test
    void shouldCountASendThatThrowsAsSentAndFailed() {
        RecordingEventSender sender = new RecordingEventSender().throwAt(2);
        BurstService bursts = service(sender, 1, 1, 10);

        String id = bursts.start(stream, 100, null, 1L).id();
        BurstView done = awaitFinished(bursts, id);

        assertThat(done.state()).isEqualTo(BurstState.FAILED);
        assertThat(done.sent()).isEqualTo(3);
        assertThat(done.acked()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.error()).isEqualTo("SerializationException: cannot serialize record 2");
    }

    @Test
    void shouldRefuseABurstWhenEveryThreadAndQueueSlotIsTaken() {
        RecordingEventSender sender = new RecordingEventSender().closeGate();
        BurstService bursts = service(sender, 1, 1, 10);
        String running = bursts.start(stream, 3, null, 1L).id();
        await().atMost(TIMEOUT).until(() -> view(bursts, running).sent() == 1); // the only thread is blocked in send
        String queued = bursts.start(stream, 3, null, 2L).id();

        assertThatExceptionOfType(BurstRejectedException.class)
                .isThrownBy(() -> bursts.start(stream, 3, null, 3L))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getBody().getDetail()).contains("1 running, 1 waiting");
                });
        assertThat(bursts.list("urban-sensors")).extracting(BurstView::id).containsExactly(queued, running);

        sender.openGate();
        assertThat(awaitFinished(bursts, running).state()).isEqualTo(BurstState.COMPLETED);
        assertThat(awaitFinished(bursts, queued).state()).isEqualTo(BurstState.COMPLETED);
        assertThat(sender.sent()).hasSize(6);
    }

    @Test
    void shouldPickAndReportASeedThatReplaysTheBurstWhenNoneIsGiven() {
        RecordingEventSender sender = new RecordingEventSender();
        BurstService bursts = service(sender, 1, 1, 10);

        BurstView admitted = bursts.start(stream, 50, null, null);
        awaitFinished(bursts, admitted.id());

        assertThat(sender.values()).containsExactlyElementsOf(expected(admitted.seed(), 50));
    }

    @Test
    void shouldPaceARatedBurstByItsSchedule() {
        RecordingEventSender sender = new RecordingEventSender();
        BurstService bursts = service(sender, 1, 1, 10);

        long beforeStart = System.nanoTime();
        String id = bursts.start(stream, 21, 200.0, 1L).id();
        assertThat(awaitFinished(bursts, id).state()).isEqualTo(BurstState.COMPLETED);

        // 21 events at 200/s: the last is due 20 intervals of 5 ms after the schedule starts, which is after beforeStart.
        // (Only a lower bound: an upper one would depend on how busy the machine is.)
        long lastSentNanos = sender.sent().getLast().nanoTime();
        assertThat(lastSentNanos - beforeStart).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(sender.sent()).hasSize(21);
        assertThat(view(bursts, id).ratePerSecond()).isEqualTo(200.0);
    }

    @Test
    void shouldKeepOnlyTheNewestFinishedBurstsAndListThemNewestFirst() {
        BurstService bursts = service(new RecordingEventSender(), 1, 1, 2);

        String first = bursts.start(stream, 5, null, 1L).id();
        awaitFinished(bursts, first);
        String second = bursts.start(stream, 5, null, 2L).id();
        awaitFinished(bursts, second);
        String third = bursts.start(stream, 5, null, 3L).id();
        awaitFinished(bursts, third);

        assertThat(bursts.list("urban-sensors")).extracting(BurstView::id).containsExactly(third, second);
        assertThat(bursts.find("urban-sensors", first)).isEmpty();
    }

    @Test
    void shouldFindABurstOnlyUnderItsOwnStream() {
        BurstService bursts = service(new RecordingEventSender(), 1, 1, 10);

        String id = bursts.start(stream, 1, null, 1L).id();

        assertThat(bursts.find("urban-sensors", id)).isPresent();
        assertThat(bursts.find("product-events", id)).isEmpty();
        assertThat(bursts.list("product-events")).isEmpty();
    }

    @Test
    void shouldMarkRunningBurstsFailedWhenTheServiceShutsDown() throws InterruptedException {
        RecordingEventSender sender = new RecordingEventSender();
        BurstService bursts = service(sender, 1, 1, 10);
        String id = bursts.start(stream, 1_000_000, 1.0, 1L).id(); // one event per second: still running below
        await().atMost(TIMEOUT).until(() -> view(bursts, id).acked() == 1);

        bursts.destroy();

        BurstView stopped = view(bursts, id);
        assertThat(stopped.state()).isEqualTo(BurstState.FAILED);
        assertThat(stopped.error()).isEqualTo("interrupted: the service is shutting down");
        assertThat(stopped.sent()).isEqualTo(stopped.acked()).isLessThan(1_000_000);
        assertThat(stopped.finishedAt()).isNotNull();
    }

    @Test
    void shouldCancelAPacedBurstAtOnceWhileItsPacerWaitsForTheNextTurn() {
        RecordingEventSender sender = new RecordingEventSender();
        BurstService bursts = service(sender, 1, 1, 10);
        String id = bursts.start(stream, 100, 0.1, 1L).id(); // event 0 goes at once, event 1 is due 10 s later
        await().atMost(TIMEOUT).until(() -> view(bursts, id).acked() == 1);

        BurstView cancelled = bursts.cancel("urban-sensors", id).orElseThrow();

        assertThat(cancelled.state()).isEqualTo(BurstState.CANCELLED);
        assertThat(cancelled.requested()).isEqualTo(100);
        assertThat(cancelled.sent()).isEqualTo(1);
        assertThat(cancelled.acked()).isEqualTo(1);
        assertThat(cancelled.error()).isNull();
        // The pacer's 10 s wait ends with the cancel: the burst finishes long before event 1 would have been due.
        await().atMost(Duration.ofSeconds(5)).until(() -> view(bursts, id).finishedAt() != null);
        BurstView done = view(bursts, id);
        assertThat(done.state()).isEqualTo(BurstState.CANCELLED);
        assertThat(done.sent()).isEqualTo(1);
        assertThat(done.acked()).isEqualTo(1);
        assertThat(done.finishedAt()).isEqualTo(clock.instant());
        assertThat(sender.sent()).hasSize(1);
    }

    @Test
    void shouldAdmitBurstsAgainOnceTheSlowBurstsHoldingEveryThreadAndQueueSlotAreCancelled() {
        RecordingEventSender sender = new RecordingEventSender();
        BurstService bursts = service(sender, 1, 1, 10);
        String slow = bursts.start(stream, 100, 0.1, 1L).id();
        await().atMost(TIMEOUT).until(() -> view(bursts, slow).sent() == 1);
        String queued = bursts.start(stream, 100, 0.1, 2L).id();
        assertThatExceptionOfType(BurstRejectedException.class).isThrownBy(() -> bursts.start(stream, 5, null, 3L));

        BurstView leftTheQueue = bursts.cancel("urban-sensors", queued).orElseThrow();
        assertThat(leftTheQueue.state()).isEqualTo(BurstState.CANCELLED);
        assertThat(leftTheQueue.sent()).isZero();
        assertThat(leftTheQueue.finishedAt()).isEqualTo(clock.instant());
        String next = bursts.start(stream, 5, null, 3L).id(); // takes the queue slot the cancelled burst freed

        bursts.cancel("urban-sensors", slow);

        // The thread the slow burst held runs the next one now, instead of 990 s later.
        assertThat(awaitFinished(bursts, next).state()).isEqualTo(BurstState.COMPLETED);
        assertThat(view(bursts, slow).state()).isEqualTo(BurstState.CANCELLED);
        assertThat(sender.values()).hasSize(6).containsAll(expected(3L, 5)).doesNotContainAnyElementsOf(expected(2L, 1));
    }

    @Test
    void shouldKeepCountingAcksOfRecordsSentBeforeTheCancelAndFinishOnceTheySettle() {
        RecordingEventSender sender = new RecordingEventSender().holdAcknowledgements();
        BurstService bursts = service(sender, 1, 1, 10);
        String id = bursts.start(stream, 100, 0.1, 1L).id();
        await().atMost(TIMEOUT).until(() -> view(bursts, id).sent() == 1);

        BurstView cancelled = bursts.cancel("urban-sensors", id).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(BurstState.CANCELLED);
        assertThat(cancelled.sent()).isEqualTo(1);
        assertThat(cancelled.acked()).isZero();
        assertThat(cancelled.finishedAt()).isNull();

        sender.sent().getFirst().ack().complete("ok");
        BurstView settled = awaitFinished(bursts, id);
        assertThat(settled.state()).isEqualTo(BurstState.CANCELLED);
        assertThat(settled.sent()).isEqualTo(1);
        assertThat(settled.acked()).isEqualTo(1);
        assertThat(settled.finishedAt()).isEqualTo(clock.instant());
    }

    @Test
    void shouldStayCancelledWhenARecordSentBeforeTheCancelFails() {
        RecordingEventSender sender = new RecordingEventSender().holdAcknowledgements();
        BurstService bursts = service(sender, 1, 1, 10);
        String id = bursts.start(stream, 100, 0.1, 1L).id();
        await().atMost(TIMEOUT).until(() -> view(bursts, id).sent() == 1);
        bursts.cancel("urban-sensors", id);

        sender.sent().getFirst().ack().completeExceptionally(new TimeoutException("expired"));

        BurstView settled = awaitFinished(bursts, id);
        assertThat(settled.state()).isEqualTo(BurstState.CANCELLED);
        assertThat(settled.acked()).isZero();
        assertThat(settled.failed()).isEqualTo(1);
        assertThat(settled.error()).isEqualTo("TimeoutException: expired");
    }

    @Test
    void shouldSendNothingMoreAfterTheCancelWhenASendWasUnderway() {
        RecordingEventSender sender = new RecordingEventSender().closeGate();
        BurstService bursts = service(sender, 1, 1, 10);
        String id = bursts.start(stream, 3, null, 1L).id();
        await().atMost(TIMEOUT).until(() -> view(bursts, id).sent() == 1); // blocked inside the first send

        BurstView cancelled = bursts.cancel("urban-sensors", id).orElseThrow();
        sender.openGate();

        assertThat(cancelled.sent()).isEqualTo(1);
        BurstView done = awaitFinished(bursts, id);
        assertThat(done.state()).isEqualTo(BurstState.CANCELLED);
        assertThat(done.sent()).isEqualTo(1);
        assertThat(done.acked()).isEqualTo(1);
        assertThat(sender.values()).containsExactlyElementsOf(expected(1L, 1));
    }

    @Test
    void shouldRefuseToCancelABurstThatHasEnded() {
        RecordingEventSender sender = new RecordingEventSender().failAt(1);
        BurstService bursts = service(sender, 1, 1, 10);
        String completed = bursts.start(stream, 1, null, 1L).id();
        awaitFinished(bursts, completed);
        String failed = bursts.start(stream, 5, null, 2L).id();
        awaitFinished(bursts, failed);
        String cancelled = bursts.start(stream, 100, 0.1, 3L).id();
        bursts.cancel("urban-sensors", cancelled);

        assertThatExceptionOfType(BurstNotRunningException.class)
                .isThrownBy(() -> bursts.cancel("urban-sensors", completed))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getBody().getDetail()).isEqualTo("id: burst '" + completed
                            + "' of stream 'urban-sensors' is already COMPLETED; only a RUNNING burst can be cancelled");
                });
        assertThatExceptionOfType(BurstNotRunningException.class)
                .isThrownBy(() -> bursts.cancel("urban-sensors", failed))
                .satisfies(e -> assertThat(e.getBody().getProperties()).containsEntry("state", BurstState.FAILED));
        assertThatExceptionOfType(BurstNotRunningException.class)
                .isThrownBy(() -> bursts.cancel("urban-sensors", cancelled))
                .satisfies(e -> assertThat(e.getBody().getProperties()).containsEntry("state", BurstState.CANCELLED));
        assertThat(view(bursts, completed).state()).isEqualTo(BurstState.COMPLETED);
        assertThat(view(bursts, failed).state()).isEqualTo(BurstState.FAILED);
    }

    @Test
    void shouldFindNothingToCancelUnderAnotherStreamOrAnUnknownId() {
        BurstService bursts = service(new RecordingEventSender(), 1, 1, 10);
        String id = bursts.start(stream, 100, 0.1, 1L).id();

        assertThat(bursts.cancel("product-events", id)).isEmpty();
        assertThat(bursts.cancel("urban-sensors", "no-such-burst")).isEmpty();
        assertThat(view(bursts, id).state()).isEqualTo(BurstState.RUNNING);
    }

    private List<UrbanSensorReading> expected(long seed, int count) {
        EventGenerator<UrbanSensorReading> generator = new UrbanSensorGenerator(seed, clock);
        return Stream.generate(generator::next).limit(count).toList();
    }

    private static BurstView view(BurstService bursts, String id) {
        return bursts.find("urban-sensors", id).orElseThrow();
    }

    private static BurstView awaitFinished(BurstService bursts, String id) {
        await().atMost(TIMEOUT).until(() -> view(bursts, id).finishedAt() != null);
        return view(bursts, id);
    }
}
