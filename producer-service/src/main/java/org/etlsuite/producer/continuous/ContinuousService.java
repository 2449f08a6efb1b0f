package org.etlsuite.producer.continuous;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.etlsuite.producer.ProducerProperties;
import org.etlsuite.producer.send.DeliveryCounts;
import org.etlsuite.producer.send.EventSender;
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
 * At most one continuous generator per stream, each on its own thread (never one of the burst threads). Keeps the
 * running generator of each stream, or its last one, for the status endpoints.
 */
@Service
public class ContinuousService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContinuousService.class);

    private final EventSender sender;
    private final ProducerMetrics metrics;
    private final Clock clock;
    private final Duration stopTimeout;
    /** The running or last run per stream name; guarded by {@code this}. */
    private final Map<String, ContinuousRun<?>> runs = new HashMap<>();

    ContinuousService(EventSender sender, ProducerMetrics metrics, ProducerProperties properties, Clock clock) {
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
        this.stopTimeout = properties.continuous().stopTimeout();
    }

    /**
     * The outcome of a start request.
     *
     * @param created {@code true} if a new generator started; {@code false} if the running one was re-rated
     */
    record Started(ContinuousView view, boolean created) {
    }

    /**
     * Starts the stream's continuous generator, or, when it is running, changes its rate and dirty fraction (the
     * event sequence and the counters carry on).
     *
     * @throws ContinuousConflictException when the stream is running with another seed or back-fill window, which
     *                                     cannot change without restarting the sequence
     */
    synchronized <V> Started start(EventStream<V> stream, ContinuousSpec spec) {
        ContinuousRun<?> current = runs.get(stream.name());
        if (current != null && current.isRunning()) {
            if (spec.seed() != null && spec.seed() != current.seed()) {
                throw new ContinuousConflictException(stream.name(), "seed", String.valueOf(current.seed()),
                        String.valueOf(spec.seed()));
            }
            if (!Objects.equals(spec.backfill(), current.backfill())) {
                throw new ContinuousConflictException(stream.name(), RequestChecks.BACKFILL,
                        Objects.toString(RequestChecks.iso(current.backfill()), "none"),
                        Objects.toString(RequestChecks.iso(spec.backfill()), "none"));
            }
            current.update(spec.ratePerSecond(), spec.dirtyFraction());
            log.info("Continuous {}: rate {}/s, dirty {}", stream.name(), rate(spec), spec.dirtyFraction());
            return new Started(current.view(), false);
        }
        long seed = spec.seed() != null ? spec.seed() : ThreadLocalRandom.current().nextLong();
        EventTimes times = spec.backfill() == null ? null : EventTimes.backfill(clock, spec.backfill());
        EventSource<V> source = EventSource.of(stream, seed, times, spec.dirtyFraction());
        DeliveryCounts counts = new DeliveryCounts(metrics.meters(stream.name(), SendKind.CONTINUOUS),
                stream.defects().kinds());
        ContinuousRun<V> run = new ContinuousRun<>(stream, source, sender, counts, seed, spec.ratePerSecond(),
                spec.backfill(), clock, System::nanoTime);
        run.start();
        runs.put(stream.name(), run);
        log.info("Continuous {} started: rate {}/s, seed {}, dirty {}, backfill {}", stream.name(), rate(spec), seed,
                spec.dirtyFraction(), spec.backfill() == null ? "none" : RequestChecks.iso(spec.backfill()));
        return new Started(run.view(), true);
    }

    /** The running generator of the stream, else its last one, else a never-started {@code STOPPED} view. */
    public synchronized ContinuousView status(EventStream<?> stream) {
        ContinuousRun<?> run = runs.get(stream.name());
        return run != null ? run.view() : neverStarted(stream);
    }

    /**
     * Stops the stream's generator and answers its final counts, once the events it sent have settled (or the
     * configured stop timeout has passed).
     *
     * @throws ContinuousNotRunningException when no generator of the stream is running
     */
    ContinuousView stop(EventStream<?> stream) {
        ContinuousRun<?> run;
        synchronized (this) {
            run = runs.get(stream.name());
            if (run == null || !run.requestStop()) {
                throw new ContinuousNotRunningException(stream.name());
            }
        }
        // Outside the lock: waiting for acknowledgements must not hold up other streams' requests.
        ContinuousView stopped = run.awaitStopped(stopTimeout);
        log.info("Continuous {} stopped: sent {}, acked {}, failed {}", stream.name(), stopped.sent(), stopped.acked(),
                stopped.failed());
        return stopped;
    }

    private static ContinuousView neverStarted(EventStream<?> stream) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        stream.defects().kinds().forEach(kind -> zeros.put(kind, 0L));
        return new ContinuousView(stream.name(), ContinuousState.STOPPED, null, null, null, null, 0, 0, 0, 0, zeros,
                null, null, null);
    }

    private static Object rate(ContinuousSpec spec) {
        return spec.ratePerSecond() == null ? "unlimited" : spec.ratePerSecond();
    }

    /** Stops every generator; each gets a short grace period for its outstanding acknowledgements. */
    @Override
    public void destroy() {
        List<ContinuousRun<?>> stopping = new ArrayList<>();
        synchronized (this) {
            for (ContinuousRun<?> run : runs.values()) {
                if (run.requestStop()) {
                    stopping.add(run);
                }
            }
        }
        for (ContinuousRun<?> run : stopping) {
            run.awaitStopped(Duration.ofSeconds(5));
        }
    }
}
