package org.etlsuite.transformer.kafkastreams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health of the Kafka Streams client ({@code /actuator/health/kafkaStreams}): UP while it runs or
 * rebalances (a rebalance is routine), DOWN before start, while stopping, and after a fatal error.
 */
@Component
class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factoryBean;

    KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factoryBean.getKafkaStreams();
        if (streams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
        return health.withDetail("state", state.name())
                .withDetail("threads", streams.metadataForLocalThreads().size())
                .build();
    }
}
