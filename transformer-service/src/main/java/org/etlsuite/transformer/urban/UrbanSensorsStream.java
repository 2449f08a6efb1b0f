package org.etlsuite.transformer.urban;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.pipeline.StreamSpec;

/** The urban-sensors stream in the common pipeline: its rules, identity and features. */
public final class UrbanSensorsStream {

    private UrbanSensorsStream() {
    }

    /**
     * De-duplication by {@code sensor_id + ts} without a repartition: the input key is the sensor_id
     * (the producer keys by it, DOMAIN.md), and the default partitioner picks the partition from a hash
     * of the key bytes, so every reading of a sensor, and therefore every copy of a reading, is on the
     * same partition and meets the same task and event-id store. This relies on producers keying by
     * sensor_id: a copy sent with another key could land on another partition and escape de-duplication.
     */
    public static StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> spec() {
        return new StreamSpec<>(
                UrbanTopics.READINGS,
                UrbanSensorReading.class,
                UrbanReadingRules.ALL,
                UrbanSensorReading::getSensorId,
                UrbanFeatures::eventId,
                StreamSpec.DedupKeying.INPUT_KEY,
                UrbanFeatures::enrich);
    }
}
