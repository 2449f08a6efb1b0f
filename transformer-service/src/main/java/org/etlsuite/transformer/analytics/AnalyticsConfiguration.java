package org.etlsuite.transformer.analytics;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.CsvExportRepository;
import org.etlsuite.transformer.export.ExportProperties;
import org.etlsuite.transformer.urban.UrbanSensorsStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Parquet copy of the processed urban readings, {@code analytics/urban_sensors_processed.parquet}
 * (as the original pipeline's analytics file). Exported by the instances that export
 * ({@code etl.export.enabled}), like the KPI CSVs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "etl.export.enabled", matchIfMissing = true)
class AnalyticsConfiguration {

    static final String URBAN_PARQUET = "analytics/urban_sensors_processed.parquet";

    @Bean(destroyMethod = "close")
    TopicParquetSnapshot<UrbanSensorReadingProcessed> urbanProcessedParquet(KafkaProperties kafka, EtlProperties properties,
                                                                             CsvExportRepository exports) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        Map<String, Object> serde = new HashMap<>(consumer);
        serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<UrbanSensorReadingProcessed> deserializer = new AvroDeserializer<>();
        deserializer.configure(serde, false);
        return new TopicParquetSnapshot<>(consumer, UrbanSensorsStream.spec().processedTopic(), UrbanSensorReadingProcessed.class, deserializer,
                properties.dataDir(), URBAN_PARQUET, new AtomicFileWriter(), exports, Clock.systemUTC());
    }

    @Bean
    ParquetSchedule parquetSchedule(TopicParquetSnapshot<UrbanSensorReadingProcessed> urbanProcessedParquet, ExportProperties export) {
        return new ParquetSchedule(urbanProcessedParquet, export.parquetInterval());
    }
}
