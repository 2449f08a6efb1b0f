package org.etlsuite.producer.send;

import java.util.concurrent.CompletableFuture;

/** Where bursts and continuous streams put their records: Kafka in the application, an in-memory double in tests. */
public interface EventSender {

    /**
     * Hands one record to the producer. Returns once the record is buffered; the future completes when the
     * broker has acknowledged it (acks=all) or exceptionally when it could not be delivered.
     */
    CompletableFuture<?> send(String topic, String key, Object value);
}
