package org.etlsuite.producer.continuous;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.etlsuite.producer.send.DeadlinePacer;
import org.etlsuite.producer.send.DeliveryCounts;
import org.etlsuite.producer.send.EventSender;
import org.etlsuite.producer.send.Pacer;
import org.etlsuite.producer.stream.EventSource;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.web.RequestChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One continuous generator of a stream, on its own thread: sends events at its rate until stopped.
 * <p>
 * Pacing uses a {@link DeadlinePacer} (absolute deadlines on {@code nanoTime}, catching up after a late send, so the
 * long-run rate stays the requested one). A re-rate takes effect at once, even while the pacer waits for the next
 * event's turn: the wait is called off and a new pacer starts its schedule at the current instant. The generator
 * (and so the event sequence) and the counters carry on. A stop ends a pending wait at once as well.
 *
 * @param <V> the Avro record type of the stream
 */
final class ContinuousRun<V> {

    private static final Logger log = LoggerFactory.getLogger(ContinuousRun.class);

    /**
     * After a send that throws (e.g. the schema registry cannot be reached), the generator pauses this long and then
     * starts a new schedule: an outage becomes neither a busy loop nor, afterwards, a catch-up burst.
     */
    static final long FAILURE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventStream<V> stream;
    private final EventSource<V> source;
    private final EventSender sender;
    private final DeliveryCounts counts;
    private final long seed;
    private final Duration backfill;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Instant startedAt;
    private final Thread thread;

    /**
     * Guards the stop flag and the schedule against the sent count (no event is counted or sent once a stop
     * returns) and is what the pacer waits on, so that {@link #update} and {@link #requestStop} wake it.
     */
    private final Object signal = new Object();
    private volatile Double ratePerSecond;
    /** Bumped by every rate change; the sending thread starts a new schedule when it sees a new value. */
    private volatile long scheduleVersion;
    private volatile boolean stopRequested;

    private final Object settleMonitor = new Object();
    private volatile boolean sendingDone;
    private volatile Instant stoppedAt;
    private final AtomicReference<String> error = new AtomicReference<>();

    ContinuousRun(EventStream<V> stream, EventSource<V> source, EventSender sender, DeliveryCounts counts, long seed,
                  Double ratePerSecond, Duration backfill, Clock clock, LongSupplier nanoTime) {
        this.stream = stream;
        this.source = source;
        this.sender = sender;
        this.counts = counts;
        this.seed = seed;
        this.ratePerSecond = ratePerSecond;
        this.backfill = backfill;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.startedAt = clock.instant();
        // A platform thread of its own, outside the burst pool: a continuous stream never takes a burst's thread.
        this.thread = Thread.ofPlatform().name("continuous-" + stream.name()).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    long seed() {
        return seed;
    }

    Duration backfill() {
        return backfill;
    }

    boolean isRunning() {
        return !stopRequested && !sendingDone;
    }

    /**
     * Changes the rate and the share of dirty events of the running generator. A new rate restarts the deadline
     * schedule from the current instant (the next event is due at once); the same rate keeps the schedule.
     */
    void update(Double newRate, double dirtyFraction) {
        source.setDirtyFraction(dirtyFraction);
        synchronized (signal) {
            if (!Objects.equals(newRate, ratePerSecond)) {
                ratePerSecond = newRate;
                scheduleVersion++;
                signal.notifyAll();
            }
        }
    }

    /**
     * Tells the generator to stop: it sends nothing more once this returns, and a pending wait ends at once.
     *
     * @return {@code false} if it was not running (already stopping, stopped, or ended on its own)
     */
    boolean requestStop() {
        synchronized (signal) {
            if (!isRunning()) {
                return false;
            }
            stopRequested = true;
            signal.notifyAll();
        }
        return true;
    }

    /**
     * Waits, up to {@code timeout} in all, for the thread to end and for the events it sent to settle; a thread
     * still blocked in a send after that is interrupted.
     *
     * @return the final state (or the state at the timeout, with acks still outstanding)
     */
    ContinuousView awaitStopped(Duration timeout) {
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        try {
            if (!thread.join(timeout)) {
                thread.interrupt(); // blocked in a send (a full producer buffer); Kafka turns this into an exception
                thread.join(Duration.ofSeconds(1));
            }
            awaitSettled(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return view();
    }

    private void awaitSettled(long deadline) throws InterruptedException {
        synchronized (settleMonitor) {
            while (!(sendingDone && counts.settled())) {
                long remaining = deadline - nanoTime.getAsLong();
                if (remaining <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(settleMonitor, remaining);
            }
        }
    }

    private void run() {
        String topic = stream.topic();
        // One callback for the whole run, not a future per record (see EventSender.Delivery).
        EventSender.Delivery delivery = new EventSender.Delivery() {
            @Override
            public void acked() {
                settle(null);
            }

            @Override
            public void failed(Throwable cause) {
                settle(cause);
            }
        };
        Pacer pacer = Pacer.UNTHROTTLED;
        long version = -1; // no schedule yet
        long index = 0;
        try {
            while (!stopRequested) {
                long current = scheduleVersion; // read before the rate: a newer version always comes with its rate
                if (current != version) {
                    version = current;
                    Double rate = ratePerSecond;
                    pacer = rate == null ? Pacer.UNTHROTTLED
                            : new DeadlinePacer(rate, nanoTime, nanos -> awaitSignal(nanos, current));
                    index = 0;
                }
                if (!pacer.awaitTurn(index)) {
                    continue; // stopped or re-rated while waiting: the loop condition or the new version decides
                }
                V event = source.next();
                synchronized (signal) {
                    if (stopRequested) {
                        break;
                    }
                    counts.recordSent(source.lastDefect());
                }
                index++;
                try {
                    sender.send(topic, stream.keyOf(event), event, delivery);
                } catch (RuntimeException e) {
                    settle(e);
                    awaitSignal(FAILURE_PAUSE_NANOS, version);
                    version = -1; // a fresh schedule after the pause
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error.compareAndSet(null, "interrupted: the service is shutting down");
        } catch (RuntimeException e) {
            error.compareAndSet(null, "generator failed: " + DeliveryCounts.describe(e));
            log.error("Continuous stream {} stopped", stream.name(), e);
        } finally {
            stoppedAt = clock.instant();
            sendingDone = true;
            notifySettled();
        }
    }

    /**
     * The pacer's sleep: waits up to {@code nanos} unless the stream is stopped or re-rated meanwhile.
     *
     * @return {@code true} if the wait was called off (stop or new rate)
     */
    private boolean awaitSignal(long nanos, long version) throws InterruptedException {
        synchronized (signal) {
            if (stopRequested || scheduleVersion != version) {
                return true;
            }
            TimeUnit.NANOSECONDS.timedWait(signal, nanos);
            return stopRequested || scheduleVersion != version;
        }
    }

    /** Producer callback (or a send that threw). */
    private void settle(Throwable failure) {
        if (failure == null) {
            counts.recordAck();
        } else {
            counts.recordFailure(failure);
        }
        // Counted first, then the flag read: a stop that the flag does not show yet has not started waiting either.
        if (stopRequested || sendingDone) {
            notifySettled();
        }
    }

    private void notifySettled() {
        synchronized (settleMonitor) {
            settleMonitor.notifyAll();
        }
    }

    ContinuousView view() {
        boolean running = isRunning();
        // Settled counters before sent, as for bursts: the snapshot never shows acked + failed > sent.
        long acked = counts.acked();
        long failed = counts.failed();
        long sent = counts.sent();
        String firstError = error.get() != null ? error.get() : counts.firstFailure();
        return new ContinuousView(stream.name(), running ? ContinuousState.RUNNING : ContinuousState.STOPPED,
                ratePerSecond, source.dirtyFraction(), seed, RequestChecks.iso(backfill), sent, acked, failed,
                counts.dirty(), counts.dirtyByDefect(), startedAt, running ? null : stoppedAt, firstError);
    }
}
