package org.etlsuite.producer.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.etlsuite.producer.TestCredentials.apiUser;
import static org.etlsuite.producer.web.ProblemMatchers.unknownStream;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.product.ProductEventsConfiguration;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.transport.TransportationStatsConfiguration;
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
 * HTTP contract of the stream status endpoints, next to the burst and continuous endpoints that change what they
 * report; real services, an in-memory sender instead of Kafka.
 */
@WebMvcTest(controllers = StreamStatusController.class)
@Import({UrbanSensorsConfiguration.class, ProductEventsConfiguration.class, TransportationStatsConfiguration.class,
        StreamCatalog.class, ProducerMetrics.class, InMemorySendingBeans.class,
        StreamStatusControllerTests.BurstAndContinuousBeans.class})
class StreamStatusControllerTests {

    /** The burst and continuous packages' controllers, services and validators (package-private there). */
    @TestConfiguration
    @ComponentScan(basePackages = {"org.etlsuite.producer.burst", "org.etlsuite.producer.continuous"},
            useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
            pattern = ".*\\.(Burst|Continuous)(Controller|Service|LimitsValidator|RequestValidator)"))
    static class BurstAndContinuousBeans {
    }

    @Autowired
    MockMvc mvc;

    @Test
    void shouldListEveryStreamWithItsTopicKeyDefectsContinuousGeneratorAndRecentBursts() throws Exception {
        String completed = startBurst("urban-sensors", "{\"events\": 5}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/streams/urban-sensors/bursts/" + completed))
                .andExpect(jsonPath("$.state").value("COMPLETED")));
        String cancelled = startBurst("urban-sensors", "{\"events\": 100, \"ratePerSecond\": 0.1}");
        mvc.perform(delete("/api/streams/urban-sensors/bursts/" + cancelled).with(apiUser())).andExpect(status().isOk());
        String running = startBurst("urban-sensors", "{\"events\": 100, \"ratePerSecond\": 0.1}");
        mvc.perform(put("/api/streams/product-events/continuous").with(apiUser()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ratePerSecond\": 0.1, \"seed\": 8}")).andExpect(status().isCreated());

        try {
            mvc.perform(get("/api/streams"))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$", hasSize(3)))
                    .andExpect(jsonPath("$[*].name").value(contains("product-events", "transportation-stats", "urban-sensors")))
                    .andExpect(jsonPath("$[*].topic").value(contains("product-events", "transportation-stats", "urban-sensors")))
                    .andExpect(jsonPath("$[*].keyField").value(contains("user_id", "transaction_id", "sensor_id")))
                    .andExpect(jsonPath("$[0].defects").value(contains("empty_event_id", "empty_user_id", "negative_price",
                            "purchase_missing_payment_details", "non_purchase_with_payment_details", "purchase_amount_mismatch")))
                    .andExpect(jsonPath("$[1].defects").value(contains("empty_transaction_id", "fare_mismatch",
                            "trip_duration_out_of_range", "passenger_count_out_of_range", "outside_service_hours")))
                    .andExpect(jsonPath("$[2].defects").value(contains("empty_sensor_id", "vehicle_count_out_of_range",
                            "pm25_out_of_range", "pm10_out_of_range", "noise_out_of_range", "negative_speed")))
                    .andExpect(jsonPath("$[0].continuous.state").value("RUNNING"))
                    .andExpect(jsonPath("$[0].continuous.ratePerSecond").value(0.1))
                    .andExpect(jsonPath("$[0].continuous.seed").value(8))
                    .andExpect(jsonPath("$[0].bursts.running").value(0))
                    .andExpect(jsonPath("$[0].bursts.completed").value(0))
                    .andExpect(jsonPath("$[1].continuous.state").value("STOPPED"))
                    .andExpect(jsonPath("$[1].continuous.startedAt").value(nullValue()))
                    .andExpect(jsonPath("$[2].continuous.state").value("STOPPED"))
                    .andExpect(jsonPath("$[2].bursts.running").value(1))
                    .andExpect(jsonPath("$[2].bursts.completed").value(1))
                    .andExpect(jsonPath("$[2].bursts.failed").value(0))
                    .andExpect(jsonPath("$[2].bursts.cancelled").value(1));

            mvc.perform(get("/api/streams/urban-sensors"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("urban-sensors"))
                    .andExpect(jsonPath("$.keyField").value("sensor_id"))
                    .andExpect(jsonPath("$.bursts.running").value(1));
        } finally {
            mvc.perform(delete("/api/streams/urban-sensors/bursts/" + running).with(apiUser()));
            mvc.perform(delete("/api/streams/product-events/continuous").with(apiUser()));
        }
        mvc.perform(get("/api/streams/product-events"))
                .andExpect(jsonPath("$.continuous.state").value("STOPPED"))
                .andExpect(jsonPath("$.continuous.sent").value(1));
    }

    @Test
    void shouldAnswer404ProblemForTheStatusOfAnUnknownStream() throws Exception {
        mvc.perform(get("/api/streams/nope"))
                .andExpect(unknownStream("nope", "/api/streams/nope", "product-events", "transportation-stats", "urban-sensors"));
    }

    private String startBurst(String stream, String body) throws Exception {
        String json = mvc.perform(post("/api/streams/" + stream + "/bursts").with(apiUser()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");
        assertThat(id).isNotBlank();
        return id;
    }
}
