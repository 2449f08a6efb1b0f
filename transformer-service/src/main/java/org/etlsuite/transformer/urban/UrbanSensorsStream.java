package org.etlsuite.transformer.urban;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.stream.PipelineLayout;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.table.Aggregation;
import org.etlsuite.transformer.table.KpiTable;
import org.etlsuite.transformer.table.TableFile;

/** The urban-sensors stream: its rules, identity and features, and its hourly table with the file exported from it. */
public final class UrbanSensorsStream {

    /**
     * Count and exact sums of the accepted readings per city zone and UTC hour, exported as
     * {@code processed/urban_sensors_processed_aggregated.csv}.
     */
    public static final KpiTable<UrbanBucket, UrbanHourlyAggregate> HOURLY = new KpiTable<>(UrbanTopics.READINGS, "hourly",
            new UrbanBucketSerde(), new UrbanHourlyAggregateSerde(), UrbanHourlyAggregate::plus,
            List.of(new TableFile<>(UrbanHourlyCsv.RELATIVE_PATH, UrbanHourlyCsv::document)));

    /** The stream's pipeline, named as the original's DAG and its files. */
    public static final PipelineLayout PIPELINE = new PipelineLayout("urban-sensors", "VMI_URBAN_SENSORS_ELT",
            "raw/urban_sensors_raw_%s.csv", "processed/urban_sensors_processed.csv");

    private UrbanSensorsStream() {
    }

    /**
     * De-duplication by {@code sensor_id + ts} without a repartition: the input key is the sensor_id
     * (the producer keys by it, docs/DOMAIN.md), and the default partitioner picks the partition from a hash
     * of the key bytes, so every reading of a sensor, and therefore every copy of a reading, is on the
     * same partition and meets the same task and event-id store. This relies on producers keying by
     * sensor_id: a copy sent with another key could land on another partition and escape de-duplication.
     */
    public static StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> spec() {
        return new StreamSpec<>(
                UrbanTopics.READINGS,
                UrbanSensorReading.class,
                UrbanSensorReadingProcessed.class,
                UrbanReadingRules.ALL,
                UrbanSensorReading::getSensorId,
                UrbanFeatures::eventId,
                StreamSpec.DedupKeying.INPUT_KEY,
                UrbanFeatures::enrich);
    }

    /** Each accepted reading counts in its zone's hour. */
    public static StreamDefinition<UrbanSensorReading, UrbanSensorReadingProcessed> definition() {
        return new StreamDefinition<>(spec(), PIPELINE, List.of(new Aggregation<UrbanSensorReadingProcessed, UrbanBucket, UrbanHourlyAggregate>(HOURLY,
                reading -> List.of(KeyValue.pair(UrbanBucket.of(reading), UrbanHourlyAggregate.of(reading))))));
    }
}
