package org.etlsuite.model;

/** Names of the event topics: the contract between the producer and the transformer. */
public final class Topics {

    /** One urban sensor reading per record; key {@code sensor_id}; value {@code UrbanSensorReading}. */
    public static final String URBAN_SENSORS = "urban-sensors";

    private Topics() {
    }
}
