package org.etlsuite.producer.send;

import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends through Boot's auto-configured {@link KafkaTemplate} (String keys, Avro values in wire format). */
@Component
class KafkaEventSender implements EventSender {

    private final KafkaTemplate<String, Object> template;

    KafkaEventSender(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    @Override
    public CompletableFuture<?> send(String topic, String key, Object value) {
        return template.send(topic, key, value);
    }
}
