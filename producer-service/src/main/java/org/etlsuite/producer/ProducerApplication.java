package org.etlsuite.producer;

import java.time.Clock;

import org.etlsuite.model.AvroTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Generates realistic event streams and publishes them to Kafka as Avro in Confluent's wire format.
 * Bursts ({@code /api/streams/{stream}/bursts}) and continuous streams ({@code /api/streams/{stream}/continuous})
 * are started and watched over REST; {@code /api/streams} reports every stream.
 */
@SpringBootApplication
@EnableConfigurationProperties(ProducerProperties.class)
public class ProducerApplication {

    private static final Logger log = LoggerFactory.getLogger(ProducerApplication.class);

    public static void main(String[] args) {
        AvroTrust.trustGeneratedEvents();
        // Before the context (and so the Kafka producer) exists: the codec is chosen when lz4-java is first used.
        String lz4 = NativeLz4.load();
        SpringApplication.run(ProducerApplication.class, args);
        log.info("lz4 codec for Kafka compression: {}", lz4);
    }

    /** Event, burst and continuous-stream timestamps come from this clock, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
