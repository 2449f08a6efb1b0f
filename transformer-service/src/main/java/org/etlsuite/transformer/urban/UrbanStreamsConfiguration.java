package org.etlsuite.transformer.urban;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.transformer.EtlProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class UrbanStreamsConfiguration {

    @Bean
    SpecificAvroSerde<UrbanSensorReading> urbanReadingSerde(KafkaStreamsConfiguration streamsConfig) {
        // Same settings as the Streams clients (schema.registry.url comes from spring.kafka.properties).
        Map<String, Object> configs = new HashMap<>();
        streamsConfig.asProperties().forEach((key, value) -> configs.put(key.toString(), value));
        SpecificAvroSerde<UrbanSensorReading> serde = new SpecificAvroSerde<>();
        serde.configure(configs, false);
        return serde;
    }

    @Bean
    UrbanSensorsTopology urbanSensorsTopology(StreamsBuilder builder, SpecificAvroSerde<UrbanSensorReading> urbanReadingSerde) {
        UrbanSensorsTopology topology = new UrbanSensorsTopology(urbanReadingSerde);
        topology.addTo(builder);
        return topology;
    }

    /**
     * The input topic is declared here too, so the transformer can start before the producer.
     * KafkaAdmin only adds partitions to an existing topic that has fewer than declared and never
     * changes anything else, so the producer's declaration stays the one that counts.
     */
    @Bean
    NewTopic urbanSensorsTopic(EtlProperties properties, KafkaProperties kafka) {
        return topic(UrbanTopics.READINGS, properties, kafka).build();
    }

    @Bean
    NewTopic urbanHourlyAggregatesTopic(EtlProperties properties, KafkaProperties kafka) {
        // Compacted: the topic is a table's changelog, and the global store rebuilds from it.
        return topic(UrbanTopics.HOURLY_AGGREGATES, properties, kafka).compact().build();
    }

    private static TopicBuilder topic(String name, EtlProperties properties, KafkaProperties kafka) {
        TopicBuilder topic = TopicBuilder.name(name).partitions(properties.topicPartitions());
        Integer replicationFactor = kafka.getStreams().getReplicationFactor();
        return replicationFactor == null ? topic : topic.replicas(replicationFactor);
    }
}
