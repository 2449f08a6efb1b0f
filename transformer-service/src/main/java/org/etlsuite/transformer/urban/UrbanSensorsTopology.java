package org.etlsuite.transformer.urban;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.pipeline.StreamPipeline;

/**
 * The urban-sensors pipeline: the common steps of {@link StreamPipeline} (decode, rules, dead letters,
 * de-duplication, enrichment, data-quality counts), then the hourly aggregate on the accepted readings,
 * straight from the in-topology stream:
 *
 * <pre>
 * urban-sensors ─ check ─ dedup ─ enrich ─► urban-sensors.processed
 *                                   └─ key by (location, day, hour) ─ repartition ─ reduce ─► KTable
 *   KTable ─► urban-sensors.hourly-aggregates (compacted) ─► global store (read_committed) ─► CSV export
 * </pre>
 *
 * Each reading becomes a one-reading {@link UrbanHourlyAggregate} before the repartition, so a
 * single serde covers the repartition topic, the store and the output, and the aggregation is a
 * plain reduce with {@link UrbanHourlyAggregate#plus}.
 *
 * <p>Why the detour through the output topic: with exactly-once, the aggregation store may hold
 * writes of a transaction that is later aborted (the store is then wiped and restored). A global
 * store reads its topic with {@code read_committed}, so it only ever holds committed aggregates,
 * and every instance holds all buckets, which is what a whole-file export needs.
 */
public final class UrbanSensorsTopology {

    private final StreamPipeline<UrbanSensorReading, UrbanSensorReadingProcessed> pipeline;
    private final Serde<UrbanBucket> bucketSerde = new UrbanBucketSerde();
    private final Serde<UrbanHourlyAggregate> aggregateSerde = new UrbanHourlyAggregateSerde();

    public UrbanSensorsTopology(StreamPipeline<UrbanSensorReading, UrbanSensorReadingProcessed> pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /** Adds the pipeline to the builder. */
    public void addTo(StreamsBuilder builder) {
        KStream<String, UrbanSensorReadingProcessed> accepted = pipeline.addTo(builder);

        KTable<UrbanBucket, UrbanHourlyAggregate> hourly = accepted
                .map((sensorId, reading) -> KeyValue.pair(UrbanBucket.of(reading), UrbanHourlyAggregate.of(reading)),
                        Named.as("urban-key-by-bucket"))
                .groupByKey(Grouped.with(UrbanTopics.BY_BUCKET, bucketSerde, aggregateSerde))
                .reduce(UrbanHourlyAggregate::plus, Named.as("urban-hourly-reduce"),
                        Materialized.<UrbanBucket, UrbanHourlyAggregate, KeyValueStore<Bytes, byte[]>>as(UrbanTopics.HOURLY_AGGREGATE_STORE)
                                .withKeySerde(bucketSerde)
                                .withValueSerde(aggregateSerde));

        hourly.toStream(Named.as("urban-hourly-changes"))
                .to(UrbanTopics.HOURLY_AGGREGATES, Produced.with(bucketSerde, aggregateSerde).withName("urban-hourly-sink"));

        builder.globalTable(UrbanTopics.HOURLY_AGGREGATES,
                Consumed.with(bucketSerde, aggregateSerde).withName("urban-hourly-committed"),
                Materialized.<UrbanBucket, UrbanHourlyAggregate, KeyValueStore<Bytes, byte[]>>as(UrbanTopics.HOURLY_AGGREGATE_GLOBAL_STORE)
                        .withKeySerde(bucketSerde)
                        .withValueSerde(aggregateSerde));
    }
}
