package org.etlsuite.producer.burst;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.header.Header;
import org.etlsuite.producer.ProducerProperties;
import org.etlsuite.producer.send.DeadlinePacer;
import org.etlsuite.producer.send.DeliveryCounts;
import org.etlsuite.producer.send.EventSender;
import org.etlsuite.producer.send.Pacer;
import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.send.SendKind;
import org.etlsuite.producer.stream.EventSource;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.EventTimes;
import org.etlsuite.producer.web.RequestChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs bursts off the request thread on a bounded pool and keeps a bounded, in-memory history of them.
 * A burst is admitted only if a thread or a queue slot is free; otherwise nothing is recorded or sent. Its event
 * source (generator, event times, dirty events) is built on the request thread before admission, so a request that
 * cannot be served fails there instead of half-starting a burst.
 */
@Service
public class BurstService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BurstService.class);

    private final EventSender sender;
    private final ProducerMetrics metrics;
    private final Clock clock;
    private final int historySize;
    private final ThreadPoolExecutor executor;
    /** Insertion (= submission) order; guarded by {@code this}. */
    private final Map<String, Burst> history = new LinkedHashMap<>();

    BurstService(EventSender sender, ProducerMetrics metrics, ProducerProperties properties, Clock clock) {
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
        ProducerProperties.Bursts bursts = properties.bursts();
        this.historySize = bursts.historySize();
        BlockingQueue<Runnable> queue = bursts.queueCapacity() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(bursts.queueCapacity());
        this.executor = new ThreadPoolExecutor(bursts.threads(), bursts.threads(), 0L, TimeUnit.MILLISECONDS,
                queue, namedThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Admits a burst and answers its state at admission (RUNNING, nothing sent yet).
     *
     * @throws BurstRejectedException when all threads are busy and the queue is full
     */
    <V> BurstView start(EventStream<V> stream, BurstSpec spec) {
        long seed = spec.seed() != null ? spec.seed() : ThreadLocalRandom.current().nextLong();
        EventTimes times = spec.backfill() == null ? null : EventTimes.backfill(clock, spec.backfill());
        EventSource<V> source = EventSource.of(stream, seed, times, spec.dirtyFraction());
        DeliveryCounts counts = new DeliveryCounts(metrics.meters(stream.name(), SendKind.BURST), stream.defects().kinds());
        Burst burst = new Burst(UUID.randomUUID().toString(), stream.name(), spec, seed, counts, clock);
        BurstView admitted = burst.view();
        synchronized (this) {
            try {
                executor.execute(new BurstTask<>(stream, source, burst));
            } catch (RejectedExecutionException e) {
                throw new BurstRejectedException(executor.getActiveCount(), executor.getQueue().size());
            }
            remember(burst);
        }
        log.info("Burst {} of {}: {} events, rate {}/s, seed {}, dirty {}, backfill {}", burst.id(), stream.name(),
                spec.events(), spec.ratePerSecond() == null ? "unlimited" : spec.ratePerSecond(), seed,
                spec.dirtyFraction(), spec.backfill() == null ? "none" : RequestChecks.iso(spec.backfill()));
        return admitted;
    }

    /** A clean burst by count at the current time. */
    BurstView start(EventStream<?> stream, long events, Double ratePerSecond, Long seed) {
        return start(stream, BurstSpec.of(events, ratePerSecond, seed));
    }

    Optional<BurstView> find(String stream, String id) {
        return lookup(stream, id).map(Burst::view);
    }

    /**
     * Cancels a running burst: it sends nothing more, even if its pacer is waiting for the next event's turn, and
     * its thread is free again at once. Records already handed to the producer still settle and are counted. A
     * burst still waiting for a thread leaves the queue without sending anything.
     *
     * @return the burst, now {@link BurstState#CANCELLED}; empty if the stream has no such burst
     * @throws BurstNotRunningException when the burst has already ended
     */
    Optional<BurstView> cancel(String stream, String id) {
        Optional<Burst> found = lookup(stream, id);
        found.ifPresent(burst -> {
            if (!burst.cancel()) {
                throw new BurstNotRunningException(burst.view());
            }
            // A queued burst leaves the queue unsent; one that a thread took meanwhile stops before its first send.
            if (executor.getQueue().removeIf(task -> task instanceof BurstTask<?> queued && queued.burst == burst)) {
                burst.sendingFinished();
            }
            log.info("Burst {} of {} cancelled", burst.id(), stream);
        });
        return found.map(Burst::view);
    }

    private synchronized Optional<Burst> lookup(String stream, String id) {
        return Optional.ofNullable(history.get(id)).filter(burst -> burst.stream().equals(stream));
    }

    /** How many of the stream's bursts in the history are in each state. */
    public synchronized BurstCounts counts(String stream) {
        int[] byState = new int[BurstState.values().length];
        for (Burst burst : history.values()) {
            if (burst.stream().equals(stream)) {
                byState[burst.state().ordinal()]++;
            }
        }
        return new BurstCounts(byState[BurstState.RUNNING.ordinal()], byState[BurstState.COMPLETED.ordinal()],
                byState[BurstState.FAILED.ordinal()], byState[BurstState.CANCELLED.ordinal()]);
    }

    /** Bursts of the stream, newest first. */
    synchronized List<BurstView> list(String stream) {
        List<BurstView> views = new ArrayList<>();
        for (Burst burst : history.values()) {
            if (burst.stream().equals(stream)) {
                views.add(burst.view());
            }
        }
        Collections.reverse(views);
        return views;
    }

    private void remember(Burst burst) {
        history.put(burst.id(), burst);
        // Drop the oldest finished bursts; running ones stay visible (at most threads + queue of them exist).
        Iterator<Burst> oldestFirst = history.values().iterator();
        while (history.size() > historySize && oldestFirst.hasNext()) {
            if (oldestFirst.next().isFinished()) {
                oldestFirst.remove();
            }
        }
    }

    /** The queued form of a burst; {@link #cancel} finds a waiting burst in the executor's queue by it. */
    private final class BurstTask<V> implements Runnable {

        private final EventStream<V> stream;
        private final EventSource<V> source;
        private final Burst burst;

        BurstTask(EventStream<V> stream, EventSource<V> source, Burst burst) {
            this.stream = stream;
            this.source = source;
            this.burst = burst;
        }

        @Override
        public void run() {
            BurstService.this.run(stream, source, burst);
        }
    }

    private <V> void run(EventStream<V> stream, EventSource<V> source, Burst burst) {
        try {
            Pacer pacer = burst.ratePerSecond() == null ? Pacer.UNTHROTTLED
                    : DeadlinePacer.startingNow(burst.ratePerSecond(), burst::awaitCancellation);
            String topic = stream.topic();
            // Consumers pick this burst's records out of the topic by this header (see BurstHeaders).
            List<Header> headers = BurstHeaders.of(burst.id());
            // One callback for the whole burst, not a future per record (see EventSender.Delivery).
            EventSender.Delivery delivery = new EventSender.Delivery() {
                @Override
                public void acked() {
                    burst.recordAck();
                }

                @Override
                public void failed(Throwable cause) {
                    burst.recordFailure(cause);
                }
            };
            // Stop at the first failure: the burst is FAILED anyway, and further sends would most likely fail too.
            for (long i = 0; i < burst.requested() && !burst.hasFailed(); i++) {
                if (!pacer.awaitTurn(i)) {
                    break; // cancelled while waiting for the event's turn
                }
                V event = source.next();
                if (!burst.tryRecordSent(source.lastDefect())) {
                    break; // cancelled
                }
                try {
                    sender.send(topic, stream.keyOf(event), event, headers, delivery);
                } catch (RuntimeException e) {
                    burst.recordFailure(e);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            burst.abort("interrupted: the service is shutting down");
        } catch (RuntimeException e) {
            burst.abort("generator failed: " + e);
            log.error("Burst {} of {} stopped", burst.id(), stream.name(), e);
        } finally {
            burst.sendingFinished();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Burst threads did not stop within 10 s");
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "burst-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
