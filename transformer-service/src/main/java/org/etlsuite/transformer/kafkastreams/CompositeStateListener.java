package org.etlsuite.transformer.kafkastreams;

import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes every state change to several listeners. A Kafka Streams client holds a single state
 * listener and {@code setStateListener} replaces it, so listeners are contributed as beans and
 * combined here instead of each being set on the factory bean.
 */
final class CompositeStateListener implements KafkaStreams.StateListener {

    private static final Logger log = LoggerFactory.getLogger(CompositeStateListener.class);

    private final List<KafkaStreams.StateListener> delegates;

    CompositeStateListener(List<KafkaStreams.StateListener> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        for (KafkaStreams.StateListener delegate : delegates) {
            try {
                delegate.onChange(newState, oldState);
            } catch (RuntimeException e) {
                // One broken listener must neither keep the others from hearing of the change nor
                // break the state transition of the thread that reports it.
                log.warn("State listener {} failed on {} -> {}", delegate, oldState, newState, e);
            }
        }
    }
}
