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

    /**
     * A fresh generator whose event times come from {@code times} (e.g. {@link EventTimes#backfill back-fill}
     * over a past window) instead of the current instant. The built-in streams all support it; the default
     * refuses, so that a stream without the option fails loudly instead of silently ignoring the request.
     */
    default EventGenerator<V> newGenerator(long seed, EventTimes times) {
        throw new UnsupportedOperationException("Stream '" + name() + "' only generates events at the current time");
    }

    /** Record key of an event; keeps the events of one entity (sensor, user, ...) in one partition, in order. */
    String keyOf(V event);

    /** Name of the value field that {@link #keyOf} returns, e.g. {@code sensor_id}. */
    String keyField();

    /** The kinds of dirty events the stream can produce on request ({@code dirtyFraction}). */
    Defects<V> defects();
}
