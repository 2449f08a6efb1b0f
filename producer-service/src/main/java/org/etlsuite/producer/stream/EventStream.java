package org.etlsuite.producer.stream;

/**
 * One event stream the producer can generate: its name (used in the REST path and as the Kafka topic),
 * how to create a reproducible generator, and which field keys the records. A new stream
 * (product-events, transportation-stats) is added by declaring another bean of this type.
 *
 * @param <V> the Avro record type of the stream
 */
public interface EventStream<V> {

    /** Stream name, e.g. {@code urban-sensors}; unique among streams. */
    String name();

    /** Kafka topic of the stream; by convention the stream name. */
    default String topic() {
        return name();
    }

    /** A fresh generator; the same seed yields the same sequence of events (given the same clock). */
    EventGenerator<V> newGenerator(long seed);

    /** Record key of an event; keeps the events of one entity (sensor, user, ...) in one partition, in order. */
    String keyOf(V event);
}
