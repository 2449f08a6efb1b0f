package org.etlsuite.producer.send;

import java.util.List;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/** Where bursts and continuous streams put their records: Kafka in the application, an in-memory double in tests. */
public interface EventSender {

    /**
     * Hands one record to the producer and returns once it is buffered. The broker's answer arrives later through
     * {@code delivery}: {@link Delivery#acked()} once acknowledged (acks=all), {@link Delivery#failed} if it could
     * not be delivered. A send that throws reports nothing through {@code delivery}.
     *
     * @param headers the record's headers, copied for each record: a caller may pass one immutable instance for all
     *                its records
     */
    void send(String topic, String key, Object value, Iterable<Header> headers, Delivery delivery);

    /** Sends a record without headers, see {@link #send(String, String, Object, Iterable, Delivery)}. */
    default void send(String topic, String key, Object value, Delivery delivery) {
        send(topic, key, value, List.of(), delivery);
    }

    /**
     * The outcome of sends. A burst or continuous stream passes one instance for all its records instead of a
     * future per record: per-record futures and their completion chain cost up to half of Kafka's I/O thread and
     * about 400 bytes of heap per record in flight. Being a Kafka {@link Callback} itself, it goes to the
     * producer as it is, without a wrapper per record. Called from the producer's I/O thread, so it must be quick.
     */
    interface Delivery extends Callback {

        void acked();

        void failed(Throwable cause);

        @Override
        default void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                acked();
            } else {
                failed(exception);
            }
        }
    }
}
