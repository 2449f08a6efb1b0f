package org.etlsuite.transformer.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Kafka Streams through spring-kafka: Boot builds the configuration from {@code spring.kafka.streams.*}
 * and {@code spring.kafka.properties.*}; the pipelines add themselves to the shared StreamsBuilder.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean
    StreamsBuilderFactoryBeanConfigurer streamsFailurePolicy() {
        return factoryBean -> {
            // Without this a stopped instance stays in the group until the session times out, so a
            // restart (or a second instance) waits ~45 s before it gets partitions back.
            factoryBean.setLeaveGroupOnClose(true);
            factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
                // Errors that reach here are bugs or lasting broker trouble (transient ones and fencing
                // are retried inside Kafka Streams). Replacing the thread would loop on the same record,
                // so stop the client: health turns DOWN and the platform restarts the instance.
                log.error("Kafka Streams thread failed; shutting the client down", exception);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
        };
    }
}
