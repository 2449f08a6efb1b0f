package org.etlsuite.transformer.kafkastreams;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExitOnStreamsErrorTests {

    private record Exit(int status, String reason) {
    }

    private final List<Exit> exits = new ArrayList<>();
    private final ExitOnStreamsError listener = new ExitOnStreamsError((status, reason) -> exits.add(new Exit(status, reason)));

    @Test
    void shouldExitWithNonZeroStatusWhenTheClientReachesError() {
        listener.onChange(State.ERROR, State.PENDING_ERROR);

        assertThat(exits).singleElement().satisfies(exit -> {
            assertThat(exit.status()).isEqualTo(1);
            assertThat(exit.reason()).contains("PENDING_ERROR to ERROR");
        });
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = "ERROR", mode = EnumSource.Mode.EXCLUDE)
    void shouldNotExitOnAnyOtherState(State state) {
        // PENDING_ERROR included: the client is still closing its threads, ERROR follows.
        listener.onChange(state, State.RUNNING);

        assertThat(exits).isEmpty();
    }
}
