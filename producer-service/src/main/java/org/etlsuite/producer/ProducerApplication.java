package org.etlsuite.producer;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Generates realistic event streams and publishes them to Kafka as Avro in Confluent's wire format.
 * Bursts of events are started and watched over REST ({@code /api/streams/{stream}/bursts}).
 */
@SpringBootApplication
@EnableConfigurationProperties(ProducerProperties.class)
public class ProducerApplication {

    /** Avro 1.12 only (de)serializes classes from trusted packages; the generated events live here. */
    static final String AVRO_SERIALIZABLE_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    public static void main(String[] args) {
        if (System.getProperty(AVRO_SERIALIZABLE_PACKAGES) == null) {
            System.setProperty(AVRO_SERIALIZABLE_PACKAGES, "org.etlsuite.events");
        }
        SpringApplication.run(ProducerApplication.class, args);
    }

    /** Event and burst timestamps come from this clock, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
