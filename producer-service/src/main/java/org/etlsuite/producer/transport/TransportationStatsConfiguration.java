package org.etlsuite.producer.transport;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.etlsuite.producer.ProducerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wires the transportation-stats stream and declares its topic (KafkaAdmin creates it at startup if missing). */
@Configuration(proxyBeanMethods = false)
public class TransportationStatsConfiguration {

    @Bean
    TransportationStatsStream transportationStatsStream(Clock clock) {
        return new TransportationStatsStream(clock);
    }

    @Bean
    NewTopic transportationStatsTopic(ProducerProperties properties) {
        return TopicBuilder.name(TransportationStatsStream.NAME)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replication())
                .build();
    }
}
