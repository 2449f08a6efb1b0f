package org.etlsuite.transformer.run.step;

import java.io.IOException;

import org.etlsuite.model.Topics;
import org.etlsuite.model.web.ApiCredentials;
import org.etlsuite.transformer.TestCredentials;
import org.etlsuite.transformer.run.RunParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The extract task's calls to the producer carry the suite's API credentials, which the producer checks. */
class ProducerClientTests {

    private static final RunParameters TEN_EVENTS = new RunParameters(true, 10L, null, null, null, null);

    // bursts held RUNNING: nothing is sent, so no broker is needed
    private final FakeProducer producer = new FakeProducer(() -> {
        throw new AssertionError("a held burst sends nothing");
    });

    ProducerClientTests() throws IOException {
        producer.hold(Topics.URBAN_SENSORS, true);
    }

    @AfterEach
    void stop() {
        producer.close();
    }

    @Test
    void shouldStartAndCancelABurstWithTheSuitesApiCredentials() {
        ProducerClient client = new ProducerClient(producer.url(), TestCredentials.API_USER);

        ProducerClient.Burst burst = client.start(Topics.URBAN_SENSORS, TEN_EVENTS);
        assertThat(burst.running()).isTrue();
        client.cancel(Topics.URBAN_SENSORS, burst.id());

        assertThat(producer.starts()).isEqualTo(1);
        assertThat(producer.state(burst.id())).isEqualTo("CANCELLED");
    }

    @Test
    void shouldFailWithTheProducersRefusalWhenTheCredentialsDiffer() {
        ProducerClient wrong = new ProducerClient(producer.url(), new ApiCredentials(TestCredentials.API_USER.user(), "not-the-password"));

        assertThatThrownBy(() -> wrong.start(Topics.URBAN_SENSORS, TEN_EVENTS))
                .isInstanceOf(ProducerClient.ProducerException.class)
                .hasMessageStartingWith("The producer refused to start a burst of urban-sensors: 401");
        assertThat(producer.starts()).isZero();

        ProducerClient.Burst burst = new ProducerClient(producer.url(), TestCredentials.API_USER).start(Topics.URBAN_SENSORS, TEN_EVENTS);
        assertThatThrownBy(() -> wrong.cancel(Topics.URBAN_SENSORS, burst.id()))
                .isInstanceOf(ProducerClient.ProducerException.class)
                .hasMessageStartingWith("Cancelling burst " + burst.id() + " failed: 401");
        assertThat(producer.state(burst.id())).isEqualTo("RUNNING");
    }
}
