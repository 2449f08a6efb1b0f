package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;

class EventStreamTests {

    @Test
    void shouldRefuseCustomEventTimesUnlessTheStreamSupportsThem() {
        EventStream<String> stream = new EventStream<>() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public EventGenerator<String> newGenerator(long seed) {
                return () -> "event";
            }

            @Override
            public String keyOf(String event) {
                return event;
            }

            @Override
            public String keyField() {
                return "value";
            }

            @Override
            public Defects<String> defects() {
                throw new UnsupportedOperationException();
            }
        };

        assertThatThrownBy(() -> stream.newGenerator(1L, EventTimes.now(Clock.systemUTC())))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Stream 'plain' only generates events at the current time");
    }
}
