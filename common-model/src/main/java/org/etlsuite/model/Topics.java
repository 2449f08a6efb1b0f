package org.etlsuite.model;

import java.util.List;

/** Names of the event topics: the contract between the producer and the transformer. */
public final class Topics {

    /** One urban sensor reading per record; key {@code sensor_id}; value {@code UrbanSensorReading}. */
    public static final String URBAN_SENSORS = "urban-sensors";

    /** One shopper interaction per record; key {@code user_id}; value {@code ProductEvent}. */
    public static final String PRODUCT_EVENTS = "product-events";

    /** One public-transport trip per record; key {@code transaction_id}; value {@code TransportTrip}. */
    public static final String TRANSPORTATION_STATS = "transportation-stats";

    /**
     * Every event topic, the one list of the suite's streams. The producer and the transformer each keep their
     * own definition of a stream (generator; topology and pipeline) and a test there checks that they cover
     * exactly these; the dashboard reads its dead-letter topics from here.
     */
    public static final List<String> ALL = List.of(URBAN_SENSORS, PRODUCT_EVENTS, TRANSPORTATION_STATS);

    private Topics() {
    }
}
