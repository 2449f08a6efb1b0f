package org.etlsuite.transformer.run;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Settings of the pipeline runs ({@code etl.runs.*}).
 *
 * @param producerUrl       base URL of the producer-service, asked for the bursts
 * @param defaultEvents     burst size of a run that does not say
 * @param maxEvents         most events one run takes: the largest burst a run may ask for, and the most
 *                          offsets a run of existing events ({@code generate=false}) may span. Such a run is
 *                          refused when more are pending when it is asked for, and its range is cut to this
 *                          many when more arrived before it starts (the next run takes the rest). The
 *                          transform task keeps two bit sets of one bit per offset of the run's range: a
 *                          range of 1,000,000 offsets costs about 250 KB (a generating run's range also
 *                          spans what other producers wrote during its burst)
 * @param awaitTimeout      how long the await task waits for Kafka Streams before the attempt fails
 * @param pollInterval      pause between two looks at the burst or at the consumer group
 * @param heartbeatInterval how often an executing instance marks its runs alive (and sees cancel requests)
 * @param staleAfter        an active run without a heartbeat for this long belongs to a stopped instance
 *                          and is recovered; several heartbeat intervals
 * @param pipelines         per pipeline id: schedule and retry policy; missing ones get the defaults
 */
@ConfigurationProperties("etl.runs")
public record RunsProperties(
        @DefaultValue("http://localhost:8090") URI producerUrl,
        @DefaultValue("500") long defaultEvents,
        @DefaultValue("1000000") long maxEvents,
        @DefaultValue("10m") Duration awaitTimeout,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration staleAfter,
        Map<String, PipelineSettings> pipelines) {

    /**
     * @param cron            Spring cron (six fields, seconds first), e.g. {@code 0 0 * * * *} hourly
     * @param paused          whether the schedule starts paused when the pipeline is first seen; later the
     *                        API's pause state (kept in PostgreSQL) counts
     * @param retries         further attempts of a failed task (Airflow's retries)
     * @param retryBackoff    wait before the first retry (Airflow's retry_delay)
     * @param backoffMultiplier each further retry waits this many times longer
     */
    public record PipelineSettings(
            @DefaultValue("0 0 * * * *") String cron,
            @DefaultValue("true") boolean paused,
            @DefaultValue("2") int retries,
            @DefaultValue("2m") Duration retryBackoff,
            @DefaultValue("2") double backoffMultiplier) {

        public PipelineSettings {
            if (!CronExpression.isValidExpression(cron)) {
                throw new IllegalArgumentException("Not a valid cron expression (six fields, seconds first): '" + cron + "'");
            }
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative, was " + retries);
            }
            if (retryBackoff.isNegative()) {
                throw new IllegalArgumentException("retry-backoff must not be negative, was " + retryBackoff);
            }
            if (!(backoffMultiplier >= 1)) {
                throw new IllegalArgumentException("backoff-multiplier must be at least 1, was " + backoffMultiplier);
            }
        }

        static PipelineSettings defaults() {
            return new PipelineSettings("0 0 * * * *", true, 2, Duration.ofMinutes(2), 2);
        }

        /** Wait before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
        Duration backoffAfter(int attempt) {
            double factor = Math.pow(backoffMultiplier, Math.max(0, attempt - 1));
            return Duration.ofMillis(Math.round(retryBackoff.toMillis() * factor));
        }
    }

    public RunsProperties {
        if (defaultEvents < 1 || maxEvents < defaultEvents) {
            throw new IllegalArgumentException("etl.runs needs 1 <= default-events <= max-events, was " + defaultEvents + " and " + maxEvents);
        }
        if (!pollInterval.isPositive() || !heartbeatInterval.isPositive() || !awaitTimeout.isPositive()) {
            throw new IllegalArgumentException("etl.runs intervals and timeouts must be positive");
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("etl.runs.stale-after must be at least two heartbeat intervals, was " + staleAfter);
        }
        Map<String, PipelineSettings> checked = new HashMap<>();
        if (pipelines != null) {
            pipelines.forEach((id, settings) -> {
                Pipeline pipeline = Pipeline.find(id).orElseThrow(() -> new IllegalArgumentException(
                        "etl.runs.pipelines." + id + ": no such pipeline; known: " + Pipeline.all().stream()
                                .map(Pipeline::id).toList()));
                if (checked.put(pipeline.id(), settings) != null) {
                    // e.g. one entry by id and one by DAG id: which one counts would be a matter of map order
                    throw new IllegalArgumentException("etl.runs.pipelines configures " + pipeline.id() + " twice (by id and by DAG id?)");
                }
            });
        }
        pipelines = Map.copyOf(checked);
    }

    /** The settings of a pipeline, defaults where none are configured. */
    public PipelineSettings settings(Pipeline pipeline) {
        return pipelines.getOrDefault(pipeline.id(), PipelineSettings.defaults());
    }

    public Map<Pipeline, PipelineSettings> all() {
        Map<Pipeline, PipelineSettings> all = new LinkedHashMap<>();
        for (Pipeline pipeline : Pipeline.all()) {
            all.put(pipeline, settings(pipeline));
        }
        return all;
    }
}
