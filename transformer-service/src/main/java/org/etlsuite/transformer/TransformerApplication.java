package org.etlsuite.transformer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Kafka Streams service that cleans, enriches and aggregates the event streams with exactly-once
 * processing and exports the committed KPI tables as CSV files onto the shared volume.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TransformerApplication {

    static final String AVRO_TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    public static void main(String[] args) {
        // Avro 1.12 refuses to instantiate classes outside the trusted packages; the generated event
        // classes live in org.etlsuite.events. An explicit setting (e.g. -D on the command line) wins.
        if (System.getProperty(AVRO_TRUSTED_PACKAGES_PROPERTY) == null) {
            System.setProperty(AVRO_TRUSTED_PACKAGES_PROPERTY, "org.etlsuite.events");
        }
        SpringApplication.run(TransformerApplication.class, args);
    }
}
