package org.etlsuite.transformer.kafkastreams;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Interactive-query access to the running topology's stores. */
@Component
public class StreamsStores {

    private final StreamsBuilderFactoryBean factoryBean;

    StreamsStores(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
    }

    /**
     * Whether the client is {@link KafkaStreams.State#RUNNING} right now. Global stores are fully
     * restored before the client first gets there, so from then on an empty global store means an
     * empty topic, not a store still loading.
     */
    public boolean isRunning() {
        KafkaStreams streams = factoryBean.getKafkaStreams();
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * A key-value store (local or global) by name, or empty while Kafka Streams is not running or
     * the store is not queryable yet (startup, restoration, migration). Callers retry later.
     */
    public <K, V> Optional<ReadOnlyKeyValueStore<K, V>> keyValueStore(String name) {
        KafkaStreams streams = factoryBean.getKafkaStreams();
        if (streams == null || !streams.state().isRunningOrRebalancing()) {
            return Optional.empty();
        }
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}
