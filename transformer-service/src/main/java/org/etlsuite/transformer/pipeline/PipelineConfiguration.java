package org.etlsuite.transformer.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Deserializer;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.streams.StreamsStores;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What the streams share: the topics every {@link StreamSpec} bean implies, the data-quality export,
 * and the factory of pipelines configured like the Streams clients (registry URL and friends).
 */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    /**
     * Per stream: the input topic, {@code <topic>.DLT} and {@code <topic>.processed} with as many
     * partitions as the input topic (as declared by this service), and the compacted
     * {@code <topic>.data-quality}. The input topic is declared here too so that the transformer can
     * start before the producer; KafkaAdmin only ever adds partitions to an existing topic and never
     * changes anything else, so the producer's declaration stays the one that counts.
     */
    @Bean
    KafkaAdmin.NewTopics pipelineTopics(List<StreamSpec<?, ?>> specs, EtlProperties properties, KafkaProperties kafka) {
        List<NewTopic> topics = new ArrayList<>();
        for (StreamSpec<?, ?> spec : specs) {
            topics.add(topic(spec.topic(), properties, kafka).build());
            topics.add(topic(spec.deadLetterTopic(), properties, kafka).build());
            topics.add(topic(spec.processedTopic(), properties, kafka).build());
            // Compacted: the topic is a table's changelog, and the global store rebuilds from it.
            topics.add(topic(spec.dataQualityTopic(), properties, kafka).compact().build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DataQualityCsvSource dataQualityCsvSource(StreamsStores stores, List<StreamSpec<?, ?>> specs) {
        return new DataQualityCsvSource(stores, specs);
    }

    @Bean
    StreamPipelines streamPipelines(KafkaStreamsConfiguration streamsConfig, EtlProperties properties) {
        Map<String, Object> configs = new HashMap<>();
        streamsConfig.asProperties().forEach((key, value) -> configs.put(key.toString(), value));
        return new StreamPipelines(configs, properties);
    }

    /** A topic with the partitions of the input topics and the replication factor of the Streams internal topics. */
    public static TopicBuilder topic(String name, EtlProperties properties, KafkaProperties kafka) {
        TopicBuilder topic = TopicBuilder.name(name).partitions(properties.topicPartitions());
        Integer replicationFactor = kafka.getStreams().getReplicationFactor();
        return replicationFactor == null ? topic : topic.replicas(replicationFactor);
    }

    /**
     * Builds pipelines whose Avro serdes use the same settings as the Streams clients, and closes those
     * serdes (their registry clients) when the context closes, after Kafka Streams has stopped.
     */
    public static final class StreamPipelines implements AutoCloseable {

        private final Map<String, Object> configs;
        private final EtlProperties properties;
        private final List<AutoCloseable> serdes = new ArrayList<>();

        StreamPipelines(Map<String, Object> configs, EtlProperties properties) {
            this.configs = Map.copyOf(configs);
            this.properties = properties;
        }

        public <V extends SpecificRecord, P extends SpecificRecord> StreamPipeline<V, P> create(StreamSpec<V, P> spec) {
            Map<String, Object> specific = new HashMap<>(configs);
            specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
            Deserializer<Object> events = new AvroDeserializer<>();
            events.configure(specific, false);
            SpecificAvroSerde<P> processed = new SpecificAvroSerde<>();
            processed.configure(configs, false);
            synchronized (serdes) {
                serdes.add(events);
                serdes.add(processed);
            }
            return new StreamPipeline<>(spec, events, processed, properties.dedupWindow());
        }

        @Override
        public void close() {
            synchronized (serdes) {
                for (AutoCloseable serde : serdes) {
                    try {
                        serde.close();
                    } catch (Exception e) {
                        // closing at shutdown: nothing left to do about a client that fails to close
                    }
                }
                serdes.clear();
            }
        }
    }
}
