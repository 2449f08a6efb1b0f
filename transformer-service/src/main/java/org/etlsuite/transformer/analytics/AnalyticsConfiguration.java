package org.etlsuite.transformer.analytics;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.etlsuite.transformer.export.ExportAudit;
import org.etlsuite.transformer.export.ExportProperties;
import org.etlsuite.transformer.urban.UrbanSensorsStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Parquet dataset of the processed urban readings, {@code analytics/urban_sensors_processed/}
 * (one folder per export day, one file per partition and round; see {@link ParquetDataset}), the
 * successor of the original pipeline's single analytics file. Exported by the instances that export
 * ({@code etl.export.enabled}), like the KPI CSVs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "etl.export.enabled", matchIfMissing = true)
public class AnalyticsConfiguration {

    /** The dataset folder, relative to {@code etl.data-dir}. */
    public static final String URBAN_DATASET = "analytics/urban_sensors_processed";

    @Bean(destroyMethod = "close")
    TopicParquetExport<UrbanSensorReadingProcessed> urbanProcessedParquet(KafkaProperties kafka, EtlProperties properties,
                                                                          ExportAudit audit) {
        String topic = UrbanSensorsStream.spec().processedTopic();
        Map<String, Object> base = kafka.buildConsumerProperties();
        Map<String, Object> serde = new HashMap<>(base);
        serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<UrbanSensorReadingProcessed> deserializer = new AvroDeserializer<>();
        deserializer.configure(serde, false);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(TopicParquetExport.consumerConfig(base, topic),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        AtomicFileWriter files = new AtomicFileWriter();
        Clock clock = Clock.systemUTC();
        return new TopicParquetExport<>(consumer, topic, UrbanSensorReadingProcessed.class, deserializer,
                new ParquetDataset(properties.dataDir(), URBAN_DATASET, files, clock), files, audit, clock);
    }

    @Bean
    ParquetSchedule parquetSchedule(TopicParquetExport<UrbanSensorReadingProcessed> urbanProcessedParquet, ExportProperties export) {
        return new ParquetSchedule(urbanProcessedParquet, export.parquetInterval());
    }
}
