package org.etlsuite.transformer.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.export.CsvExportSources;
import org.etlsuite.transformer.stream.DataQualityCsvSource;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamStepsFactory;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.kafkastreams.StreamsStores;
import org.etlsuite.transformer.table.KpiTable;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The one place where the topology is built, its topics declared and its files listed, all from
 * {@link StreamCatalog}. Boot builds the Streams configuration from {@code spring.kafka.streams.*}.
 */
@Configuration(proxyBeanMethods = false)
class TopologyConfiguration {

    @Bean
    StreamStepsFactory streamSteps(KafkaStreamsConfiguration streamsConfig, EtlProperties properties) {
        Map<String, Object> configs = new HashMap<>();
        streamsConfig.asProperties().forEach((key, value) -> configs.put(key.toString(), value));
        return new StreamStepsFactory(configs, properties.dedupWindow());
    }

    /** Adds every stream of the catalogue to the shared builder that spring-kafka turns into the Kafka Streams client. */
    @Bean
    TransformerTopology transformerTopology(StreamsBuilder builder, StreamStepsFactory steps) {
        for (StreamDefinition<?, ?> definition : StreamCatalog.ALL) {
            add(builder, steps, definition);
        }
        return new TransformerTopology(StreamCatalog.ALL);
    }

    private static <V extends SpecificRecord, P extends SpecificRecord> void add(StreamsBuilder builder, StreamStepsFactory steps,
                                                                                 StreamDefinition<V, P> definition) {
        definition.addTo(builder, steps.create(definition.spec()));
    }

    /**
     * Per stream: the input topic, {@code <topic>.DLT} and {@code <topic>.processed}, and the compacted
     * topic of every table, all with the partitions of the input. The input topic is declared here too so
     * that the transformer can start before the producer; KafkaAdmin only ever adds partitions to an
     * existing topic and never changes anything else, so the producer's declaration stays the one that counts.
     */
    @Bean
    KafkaAdmin.NewTopics transformerTopics(EtlProperties properties, KafkaProperties kafka) {
        List<NewTopic> topics = new ArrayList<>();
        for (StreamDefinition<?, ?> definition : StreamCatalog.ALL) {
            StreamSpec<?, ?> spec = definition.spec();
            topics.add(topic(spec.topic(), properties, kafka).build());
            topics.add(topic(spec.deadLetterTopic(), properties, kafka).build());
            topics.add(topic(spec.processedTopic(), properties, kafka).build());
            for (KpiTable<?, ?> table : definition.tables()) {
                // Compacted: the topic holds the latest partial of every cell, and the global store rebuilds from it.
                topics.add(topic(table.topic(), properties, kafka).compact().build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** The data-quality file of all streams, then every file of every table. */
    @Bean
    CsvExportSources csvExportSources(StreamsStores stores) {
        List<CsvExportSource> sources = new ArrayList<>();
        sources.add(new DataQualityCsvSource(stores, StreamCatalog.specs()));
        for (StreamDefinition<?, ?> definition : StreamCatalog.ALL) {
            for (KpiTable<?, ?> table : definition.tables()) {
                sources.addAll(table.exports(stores));
            }
        }
        return new CsvExportSources(sources);
    }

    /** A topic with the partitions of the input topics and the replication factor of the Streams internal topics. */
    private static TopicBuilder topic(String name, EtlProperties properties, KafkaProperties kafka) {
        TopicBuilder topic = TopicBuilder.name(name).partitions(properties.topicPartitions());
        Integer replicationFactor = kafka.getStreams().getReplicationFactor();
        return replicationFactor == null ? topic : topic.replicas(replicationFactor);
    }
}
