package org.etlsuite.producer.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.etlsuite.producer.TestCredentials.apiUser;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.etlsuite.producer.burst.BurstHeaders;
import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.send.RecordingEventSender;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.urban.UrbanSensorsConfiguration;
import org.etlsuite.producer.web.InMemorySendingBeans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A continuous stream runs on its own thread: with the only burst thread busy and no queue (bursts are refused with
 * 503), a continuous stream still starts and sends; and it takes no burst thread from the bursts either.
 */
@WebMvcTest(controllers = ContinuousController.class, properties = {
        "etl.producer.bursts.threads=1", "etl.producer.bursts.queue-capacity=0"})
@Import({ContinuousService.class, ContinuousRequestValidator.class, StreamCatalog.class, UrbanSensorsConfiguration.class,
        ProducerMetrics.class, InMemorySendingBeans.class, ContinuousAlongsideBurstsTests.BurstBeans.class})
class ContinuousAlongsideBurstsTests {

    static final String BURSTS = "/api/streams/urban-sensors/bursts";
    static final String CONTINUOUS = "/api/streams/urban-sensors/continuous";

    /** The burst package's controller, service and validator (package-private there). */
    @TestConfiguration
    @ComponentScan(basePackages = "org.etlsuite.producer.burst", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.Burst(Controller|Service|LimitsValidator)"))
    static class BurstBeans {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingEventSender sender;

    @Test
    void shouldKeepSendingContinuouslyWhileEveryBurstThreadIsBusy() throws Exception {
        String slow = JsonPath.read(mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\": 100, \"ratePerSecond\": 0.1}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        await().atMost(Duration.ofSeconds(20)).until(() -> sender.sent().size() == 1);
        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 5}"))
                .andExpect(status().isServiceUnavailable());

        try {
            mvc.perform(put(CONTINUOUS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 200}"))
                    .andExpect(status().isCreated());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get(CONTINUOUS))
                    .andExpect(jsonPath("$.acked").value(greaterThanOrEqualTo(50))));
            Set<String> threads = sender.sent().stream().map(RecordingEventSender.Sent::thread).collect(Collectors.toSet());
            assertThat(threads).containsExactlyInAnyOrder("burst-1", "continuous-urban-sensors");
            // The two interleave here as they do on the topic, so the header is what tells a consumer which are the burst's.
            assertThat(sender.sent()).allSatisfy(record -> assertThat(record.headerValues(BurstHeaders.BURST_ID))
                    .isEqualTo(record.thread().equals("burst-1") ? List.of(slow) : List.of()));
            mvc.perform(get(BURSTS + "/" + slow)).andExpect(jsonPath("$.state").value("RUNNING"));
        } finally {
            mvc.perform(delete(CONTINUOUS).with(apiUser()));
            mvc.perform(delete(BURSTS + "/" + slow).with(apiUser()));
        }
    }
}
