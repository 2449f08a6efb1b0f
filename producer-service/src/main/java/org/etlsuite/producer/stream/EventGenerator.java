package org.etlsuite.producer.stream;

/**
 * An endless, seeded source of events of one stream. Instances are not thread-safe: each burst gets its own.
 *
 * @param <V> the generated Avro record type
 */
@FunctionalInterface
public interface EventGenerator<V> {

    V next();
}
