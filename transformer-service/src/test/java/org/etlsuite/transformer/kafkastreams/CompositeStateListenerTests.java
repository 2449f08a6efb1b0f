package org.etlsuite.transformer.kafkastreams;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeStateListenerTests {

    @Test
    void shouldPassEveryChangeToAllListenersInOrderEvenWhenOneFails() {
        List<String> heard = new ArrayList<>();
        CompositeStateListener composite = new CompositeStateListener(List.of(
                (newState, oldState) -> heard.add("first " + oldState + "->" + newState),
                (newState, oldState) -> {
                    throw new IllegalStateException("broken listener");
                },
                (newState, oldState) -> heard.add("third " + oldState + "->" + newState)));

        composite.onChange(State.RUNNING, State.REBALANCING);
        composite.onChange(State.ERROR, State.PENDING_ERROR);

        assertThat(heard).containsExactly(
                "first REBALANCING->RUNNING", "third REBALANCING->RUNNING",
                "first PENDING_ERROR->ERROR", "third PENDING_ERROR->ERROR");
    }
}
