package org.etlsuite.producer.send;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Where bursts and continuous streams put their records: Kafka in the application, an in-memory double in tests. */
public interface EventSender {

    /**
     * Hands one record to the producer and returns once it is buffered. The broker's answer arrives later through
     * {@code delivery}: {@link Delivery#acked()} once acknowledged (acks=all), {@link Delivery#failed} if it could
     * not be delivered. A send that throws reports nothing through {@code delivery}.
     */
    void send(String topic, String key, Object value, Delivery delivery);

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
