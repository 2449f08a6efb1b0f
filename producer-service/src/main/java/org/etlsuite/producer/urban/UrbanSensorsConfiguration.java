package org.etlsuite.producer.urban;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.etlsuite.producer.ProducerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wires the urban-sensors stream and declares its topic (KafkaAdmin creates it at startup if missing). */
@Configuration(proxyBeanMethods = false)
public class UrbanSensorsConfiguration {

    @Bean
    UrbanSensorsStream urbanSensorsStream(Clock clock) {
        return new UrbanSensorsStream(clock);
    }

    @Bean
    NewTopic urbanSensorsTopic(ProducerProperties properties) {
        return TopicBuilder.name(UrbanSensorsStream.NAME)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replication())
                .build();
    }
}
