package org.etlsuite.transformer.kafkastreams;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Kafka Streams through spring-kafka: Boot builds the configuration from {@code spring.kafka.streams.*}
 * and {@code spring.kafka.properties.*}; the streams add themselves to the shared StreamsBuilder.
 *
 * <p>Failure policy: input topics are read as raw bytes, and a record that is not a valid event goes
 * to its stream's dead-letter topic inside the processing transaction (see
 * {@code org.etlsuite.transformer.stream.StreamSteps}). Everything else that fails (the Schema
 * Registry unavailable, an unreadable record on an internal topic, broker trouble that outlasts the
 * retries) stops the client, which then reaches ERROR, and {@link ExitOnStreamsError} ends the JVM
 * with a non-zero status so that the platform restarts the instance, which resumes from the last
 * committed transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean
    ApplicationExit applicationExit(ConfigurableApplicationContext context) {
        return new SpringApplicationExit(context, System::exit);
    }

    @Bean
    ExitOnStreamsError exitOnStreamsError(ApplicationExit applicationExit) {
        return new ExitOnStreamsError(applicationExit);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer streamsFailurePolicy(ObjectProvider<KafkaStreams.StateListener> stateListeners) {
        return factoryBean -> {
            // Without this a stopped instance stays in the group until the session times out, so a
            // restart (or a second instance) waits ~45 s before it gets partitions back.
            factoryBean.setLeaveGroupOnClose(true);
            factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
                // Errors that reach here are bugs, lasting broker trouble or an unavailable Schema
                // Registry (transient broker errors and fencing are retried inside Kafka Streams).
                // Replacing the thread would loop on the same record, so stop the client: it goes to
                // ERROR, and ExitOnStreamsError ends the JVM for the platform to restart it.
                log.error("Kafka Streams thread failed; shutting the client down", exception);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            // The client keeps one state listener: combine every listener bean into it.
            factoryBean.setStateListener(new CompositeStateListener(stateListeners.orderedStream().toList()));
        };
    }
}
