package org.etlsuite.producer.product;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.etlsuite.producer.ProducerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wires the product-events stream and declares its topic (KafkaAdmin creates it at startup if missing). */
@Configuration(proxyBeanMethods = false)
public class ProductEventsConfiguration {

    @Bean
    ProductEventsStream productEventsStream(Clock clock) {
        return new ProductEventsStream(clock);
    }

    @Bean
    NewTopic productEventsTopic(ProducerProperties properties) {
        return TopicBuilder.name(ProductEventsStream.NAME)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replication())
                .build();
    }
}
