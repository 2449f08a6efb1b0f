package org.etlsuite.transformer.urban;

import org.etlsuite.model.Topics;

/** Topic and state store names of the urban-sensors pipeline; they are part of its upgrade contract. */
public final class UrbanTopics {

    /** Input: one reading per record, key sensor_id, value UrbanSensorReading (Avro, Confluent wire format). */
    public static final String READINGS = Topics.URBAN_SENSORS;

    /**
     * Output: the hourly aggregate table as a changelog, key {@link UrbanBucket}, value
     * {@link UrbanHourlyAggregate}. Compacted, so it always holds the latest value of every bucket.
     */
    public static final String HOURLY_AGGREGATES = "urban-sensors.hourly-aggregates";

    /** Store of the aggregation (local to the task that owns a bucket, may hold uncommitted writes). */
    public static final String HOURLY_AGGREGATE_STORE = "urban-hourly-aggregates";

    /** Global store fed from {@link #HOURLY_AGGREGATES} with read_committed: what the exporter reads. */
    public static final String HOURLY_AGGREGATE_GLOBAL_STORE = "urban-hourly-aggregates-global";

    /** Name of the repartition step (by bucket); Kafka Streams derives the internal topic name from it. */
    static final String BY_BUCKET = "urban-hourly-by-bucket";

    private UrbanTopics() {
    }
}
