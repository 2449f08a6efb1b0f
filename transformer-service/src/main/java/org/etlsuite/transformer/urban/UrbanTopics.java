package org.etlsuite.transformer.urban;

import org.etlsuite.model.Topics;

/** Topic names of the urban-sensors stream; the others follow from them (see {@link UrbanSensorsStream}). */
public final class UrbanTopics {

    /** Input: one reading per record, key sensor_id, value UrbanSensorReading (Avro, Confluent wire format). */
    public static final String READINGS = Topics.URBAN_SENSORS;

    private UrbanTopics() {
    }
}
