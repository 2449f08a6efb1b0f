package org.etlsuite.producer.burst;

import static org.awaitility.Awaitility.await;
import static org.etlsuite.producer.TestCredentials.apiUser;
import static org.etlsuite.producer.web.ProblemMatchers.PROBLEM_JSON;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.send.RecordingEventSender;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.urban.UrbanSensorsConfiguration;
import org.etlsuite.producer.web.InMemorySendingBeans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With one burst thread and no queue, a second concurrent burst is refused before anything starts; and the limits
 * of a request are the configured ones.
 */
@WebMvcTest(controllers = BurstController.class, properties = {
        "etl.producer.bursts.threads=1", "etl.producer.bursts.queue-capacity=0", "etl.producer.bursts.max-events=500",
        "etl.producer.bursts.max-duration=90s"})
@Import({BurstService.class, BurstLimitsValidator.class, StreamCatalog.class, UrbanSensorsConfiguration.class,
        ProducerMetrics.class, InMemorySendingBeans.class})
class BurstControllerBackpressureTests {

    static final String BURSTS = "/api/streams/urban-sensors/bursts";

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingEventSender sender;

    /** Every send waits for the test to open the gate, so that a started burst holds the only burst thread. */
    @BeforeEach
    void closeTheSendersGate() {
        sender.closeGate();
    }

    @Test
    void shouldAnswer503ProblemWhileEveryBurstThreadIsBusyAndHonourTheConfiguredEventLimit() throws Exception {
        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 501}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("events: must be less than or equal to 500"));

        String body = mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 2}"))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get(BURSTS + "/" + id))
                .andExpect(jsonPath("$.sent").value(1)));

        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 2}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Too many bursts"))
                .andExpect(jsonPath("$.detail").value(
                        "events: too many bursts in progress (1 running, 0 waiting); retry when one has finished"));
        mvc.perform(get(BURSTS)).andExpect(jsonPath("$", hasSize(1)));

        sender.openGate();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get(BURSTS + "/" + id))
                .andExpect(jsonPath("$.state").value("COMPLETED"))
                .andExpect(jsonPath("$.acked").value(2)));
    }

    @Test
    void shouldHonourTheConfiguredMaximumDuration() throws Exception {
        int burstsBefore = JsonPath.<Integer>read(mvc.perform(get(BURSTS)).andReturn().getResponse().getContentAsString(),
                "$.length()");

        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 10, \"ratePerSecond\": 0.1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("ratePerSecond: 10 events at 0.1/s would take 1m 40s,"
                        + " longer than the limit of 1m 30s; at this rate at most 9 events fit"));
        mvc.perform(get(BURSTS)).andExpect(jsonPath("$", hasSize(burstsBefore)));
    }
}
