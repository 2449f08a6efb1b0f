package org.etlsuite.producer.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.etlsuite.producer.send.RecordingEventSender;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of the endpoints that send needs besides their controllers and services: meters in
 * memory, an in-memory sender instead of Kafka that the test autowires to see what was sent, and the check of
 * the {@code Accept} header that the changing handlers make first.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(JsonAnswers.class)
public class InMemorySendingBeans {

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    RecordingEventSender recordingEventSender() {
        return new RecordingEventSender();
    }
}
