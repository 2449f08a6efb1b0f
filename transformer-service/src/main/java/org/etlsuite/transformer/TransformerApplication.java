package org.etlsuite.transformer;

import org.etlsuite.model.AvroTrust;
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

    public static void main(String[] args) {
        AvroTrust.trustGeneratedEvents();
        SpringApplication.run(TransformerApplication.class, args);
    }
}
