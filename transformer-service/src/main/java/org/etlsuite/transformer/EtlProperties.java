package org.etlsuite.transformer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the transformer.
 *
 * @param dataDir         root of the shared volume; KPI files go to {@code processed/} below it
 * @param exportInterval  pause between two CSV exports; a file is rewritten at most this often and
 *                        only when its content changed
 * @param stateDir        local working folder of this instance (Kafka Streams state stores live below
 *                        it); never the shared volume, because state stores belong to one instance, and
 *                        a different one per instance on the same machine. Default
 *                        {@code ~/.etl-suite/transformer-state}: outside the work tree, and not in the OS
 *                        temp folder, which may be cleaned under a running instance
 * @param topicPartitions partitions of the topics this service declares; it bounds how many instances
 *                        (stream threads) can share the work. Must equal the producer's
 *                        {@code etl.producer.topics.partitions}, since both declare {@code urban-sensors}
 *                        and partitions can only ever be added (see application.yml)
 * @param dedupWindow     two events of a stream with the same event id whose record timestamps (the
 *                        producer's send times) are less than this apart are one event: the later copy
 *                        is dropped and counted as a duplicate. Ids are remembered in a changelogged
 *                        window store for twice this long, so its size grows with the event rate times
 *                        the window. Default 1 hour
 */
@ConfigurationProperties("etl")
public record EtlProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("2s") Duration exportInterval,
        Path stateDir,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1h") Duration dedupWindow) {

    public EtlProperties {
        if (stateDir == null) {
            stateDir = Path.of(System.getProperty("user.home"), ".etl-suite", "transformer-state");
        }
        if (exportInterval.isNegative() || exportInterval.isZero()) {
            throw new IllegalArgumentException("etl.export-interval must be positive, was " + exportInterval);
        }
        if (dedupWindow.toMillis() < 1) {
            throw new IllegalArgumentException("etl.dedup-window must be at least 1 ms, was " + dedupWindow);
        }
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("etl.topic-partitions must be at least 1, was " + topicPartitions);
        }
    }

    /** The file of the shared volume at the given path relative to {@link #dataDir()}. */
    public Path resolve(String relativePath) {
        return dataDir.resolve(relativePath);
    }
}
