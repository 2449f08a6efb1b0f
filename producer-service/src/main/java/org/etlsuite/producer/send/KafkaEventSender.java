package org.etlsuite.producer.send;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends straight through the Kafka producer of Boot's auto-configured factory (String keys, Avro values in wire
 * format), with the caller's shared {@link EventSender.Delivery} as the callback. {@link KafkaTemplate#send} would
 * add a future, a Micrometer timer sample and an observation scope per record, all completed on Kafka's single
 * I/O thread; at burst rates that chain was the bottleneck.
 * <p>
 * The producer is asked from the factory for every send, as the template does: the non-transactional factory
 * hands out its one shared producer (cheap), and replaces it if it ever failed fatally. It is never closed here;
 * {@code close()} on the shared producer is a no-op anyway, the factory closes it on shutdown.
 */
@Component
class KafkaEventSender implements EventSender {

    private final ProducerFactory<String, Object> producers;

    KafkaEventSender(KafkaTemplate<String, Object> template) {
        this.producers = template.getProducerFactory();
    }

    @Override
    public void send(String topic, String key, Object value, Iterable<Header> headers, Delivery delivery) {
        // The record copies the headers into its own RecordHeaders, so a caller's shared list is never made read-only.
        producers.createProducer().send(new ProducerRecord<>(topic, null, key, value, headers), delivery);
    }
}
