package org.etlsuite.producer.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.etlsuite.producer.TestCredentials.apiUser;
import static org.etlsuite.producer.web.ProblemMatchers.NOT_A_DURATION;
import static org.etlsuite.producer.web.ProblemMatchers.NOT_A_FRACTION;
import static org.etlsuite.producer.web.ProblemMatchers.PROBLEM_JSON;
import static org.etlsuite.producer.web.ProblemMatchers.SLOWER_THAN_MIN;
import static org.etlsuite.producer.web.ProblemMatchers.invalidField;
import static org.etlsuite.producer.web.ProblemMatchers.invalidRequest;
import static org.etlsuite.producer.web.ProblemMatchers.malformedJson;
import static org.etlsuite.producer.web.ProblemMatchers.methodNotAllowed;
import static org.etlsuite.producer.web.ProblemMatchers.missingBody;
import static org.etlsuite.producer.web.ProblemMatchers.unknownStream;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.stream.Stream;

import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.send.RecordingEventSender;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.transport.TransportationStatsConfiguration;
import org.etlsuite.producer.urban.UrbanSensorsConfiguration;
import org.etlsuite.producer.web.FixedClockBeans;
import org.etlsuite.producer.web.InMemorySendingBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** HTTP contract of the continuous-stream endpoints, with the real service and an in-memory sender instead of Kafka. */
@WebMvcTest(ContinuousController.class)
@Import({ContinuousService.class, ContinuousRequestValidator.class, StreamCatalog.class, UrbanSensorsConfiguration.class,
        TransportationStatsConfiguration.class, ProducerMetrics.class, InMemorySendingBeans.class, FixedClockBeans.class})
class ContinuousControllerTests {

    static final String URBAN = "/api/streams/urban-sensors/continuous";

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingEventSender sender;

    @Autowired
    ContinuousService continuous;

    @Autowired
    StreamCatalog streams;

    /** The context, and with it the service, outlives each test: leave no stream running. */
    @AfterEach
    void stopRunningStreams() {
        for (String name : streams.names()) {
            EventStream<?> stream = streams.find(name).orElseThrow();
            if (continuous.status(stream).state() == ContinuousState.RUNNING) {
                continuous.stop(stream);
            }
        }
    }

    @Test
    void shouldStartAStreamWith201LocationAndItsRunningState() throws Exception {
        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ratePerSecond\": 0.1, \"seed\": 3, \"dirtyFraction\": 0.25, \"backfill\": \"P7D\"}"))
                .andExpect(status().isCreated())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Location", URBAN))
                .andExpect(jsonPath("$.stream").value("urban-sensors"))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.ratePerSecond").value(0.1))
                .andExpect(jsonPath("$.dirtyFraction").value(0.25))
                .andExpect(jsonPath("$.seed").value(3))
                .andExpect(jsonPath("$.backfill").value("P7D"))
                .andExpect(jsonPath("$.startedAt").value("2025-06-01T08:30:00Z"))
                .andExpect(jsonPath("$.stoppedAt").value(nullValue()))
                .andExpect(jsonPath("$.dirtyByDefect.empty_sensor_id").value(0))
                .andExpect(jsonPath("$.error").value(nullValue()));

        mvc.perform(get(URBAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.seed").value(3));
    }

    @Test
    void shouldReRateARunningStreamWith200AndKeepItsSeedAndStart() throws Exception {
        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 0.1, \"seed\": 4}"))
                .andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get(URBAN)).andExpect(jsonPath("$.acked").value(1)));

        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 50, \"dirtyFraction\": 0.5}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.ratePerSecond").value(50.0))
                .andExpect(jsonPath("$.dirtyFraction").value(0.5))
                .andExpect(jsonPath("$.seed").value(4))
                .andExpect(jsonPath("$.startedAt").value("2025-06-01T08:30:00Z"));

        // The new rate applies at once: at 0.1/s the next 10 events would take 100 s.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(get(URBAN))
                .andExpect(jsonPath("$.ratePerSecond").value(50.0))
                .andExpect(jsonPath("$.acked").value(greaterThanOrEqualTo(11))));
    }

    @Test
    void shouldStopWith200AndTheFinalCountsAndReportItStoppedAfterwards() throws Exception {
        int before = sender.sent().size();
        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 0.1, \"seed\": 5}"))
                .andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(20)).until(() -> sender.sent().size() == before + 1);

        mvc.perform(delete(URBAN).with(apiUser()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.state").value("STOPPED"))
                .andExpect(jsonPath("$.sent").value(1))
                .andExpect(jsonPath("$.acked").value(1))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.dirty").value(0))
                .andExpect(jsonPath("$.seed").value(5))
                .andExpect(jsonPath("$.stoppedAt").value("2025-06-01T08:30:00Z"));

        mvc.perform(get(URBAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("STOPPED"))
                .andExpect(jsonPath("$.sent").value(1));
        assertThat(sender.sent()).hasSize(before + 1);
    }

    @Test
    void shouldAnswer404ProblemWhenStoppingAStreamThatIsNotRunning() throws Exception {
        mvc.perform(delete(URBAN).with(apiUser()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Continuous stream not running"))
                .andExpect(jsonPath("$.detail").value("stream: no continuous generator of stream 'urban-sensors' is running"))
                .andExpect(jsonPath("$.stream").value("urban-sensors"))
                .andExpect(jsonPath("$.instance").value(URBAN));
    }

    @Test
    void shouldReportAStreamThatNeverRanAsStopped() throws Exception {
        mvc.perform(get("/api/streams/transportation-stats/continuous"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.stream").value("transportation-stats"))
                .andExpect(jsonPath("$.state").value("STOPPED"))
                .andExpect(jsonPath("$.ratePerSecond").value(nullValue()))
                .andExpect(jsonPath("$.seed").value(nullValue()))
                .andExpect(jsonPath("$.sent").value(0))
                .andExpect(jsonPath("$.startedAt").value(nullValue()))
                .andExpect(jsonPath("$.dirtyByDefect.outside_service_hours").value(0));
    }

    @Test
    void shouldAnswer409ProblemWhenARunningStreamWouldChangeItsSeed() throws Exception {
        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 0.1, \"seed\": 1}"))
                .andExpect(status().isCreated());

        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 5, \"seed\": 2}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Continuous stream running"))
                .andExpect(jsonPath("$.detail").value("seed: the continuous stream 'urban-sensors' is running with seed 1,"
                        + " not 2; only ratePerSecond and dirtyFraction change while it runs (stop it with DELETE first)"))
                .andExpect(jsonPath("$.field").value("seed"));
        mvc.perform(get(URBAN)).andExpect(jsonPath("$.ratePerSecond").value(0.1));
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{\"ratePerSecond\": 0}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"ratePerSecond\": 0.09}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"ratePerSecond\": -5}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"ratePerSecond\": NaN}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"ratePerSecond\": 1000000.5}", "ratePerSecond", "must be less than or equal to 1000000"),
                Arguments.of("{\"ratePerSecond\": Infinity}", "ratePerSecond", "must be less than or equal to 1000000"),
                Arguments.of("{\"ratePerSecond\": \"fast\"}", "ratePerSecond", "must be a number"),
                Arguments.of("{\"dirtyFraction\": -0.1}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"dirtyFraction\": 1.5}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"dirtyFraction\": NaN}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"dirtyFraction\": \"NaN\"}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"dirtyFraction\": Infinity}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"backfill\": \"7 days\"}", "backfill", NOT_A_DURATION),
                Arguments.of("{\"backfill\": \"P1M\"}", "backfill", NOT_A_DURATION),
                Arguments.of("{\"backfill\": \"\"}", "backfill", NOT_A_DURATION),
                Arguments.of("{\"backfill\": \"P0D\"}", "backfill", "must be a positive duration"),
                Arguments.of("{\"backfill\": \"-PT6H\"}", "backfill", "must be a positive duration"),
                Arguments.of("{\"backfill\": \"P366DT1S\"}", "backfill", "must be at most P366D"),
                Arguments.of("{\"seed\": \"abc\"}", "seed", "must be a whole number"),
                Arguments.of("{\"rate\": 5}", "rate", "unknown field; known fields: backfill, dirtyFraction, ratePerSecond, seed"));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("invalidBodies")
    void shouldAnswer400ProblemNamingTheWrongFieldAndStartNothing(String body, String field, String message) throws Exception {
        int sentBefore = sender.sent().size();

        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(invalidField(field, message, URBAN));

        mvc.perform(get(URBAN)).andExpect(jsonPath("$.state").value("STOPPED"));
        assertThat(sender.sent()).hasSize(sentBefore);
    }

    @Test
    void shouldNameEveryWrongFieldInOneProblem() throws Exception {
        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ratePerSecond\": 0, \"dirtyFraction\": 2, \"backfill\": \"P400D\"}"))
                .andExpect(invalidRequest("backfill: must be at most P366D; dirtyFraction: must be between 0 and 1;"
                        + " ratePerSecond: must be greater than or equal to 0.1", 3));
    }

    @Test
    void shouldAnswer400ProblemForAMissingOrMalformedBody() throws Exception {
        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(missingBody());
        mvc.perform(put(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 1 \"seed\": 2}"))
                .andExpect(malformedJson());
        mvc.perform(get(URBAN)).andExpect(jsonPath("$.state").value("STOPPED"));
    }

    static Stream<Arguments> unknownStreamRequests() {
        return Stream.of(
                Arguments.of("PUT valid", put("/api/streams/nope/continuous").with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 1}")),
                Arguments.of("PUT invalid", put("/api/streams/nope/continuous").with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"ratePerSecond\": 0}")),
                Arguments.of("PUT text", put("/api/streams/nope/continuous").with(apiUser()).contentType(MediaType.TEXT_PLAIN).content("rate=1")),
                Arguments.of("GET", get("/api/streams/nope/continuous")),
                Arguments.of("DELETE", delete("/api/streams/nope/continuous").with(apiUser())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownStreamRequests")
    void shouldAnswer404ProblemForAnUnknownStream(String name,
            RequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(unknownStream("nope", "/api/streams/nope/continuous", "transportation-stats", "urban-sensors"));
    }

    @Test
    void shouldAnswer405ProblemForPost() throws Exception {
        mvc.perform(post(URBAN).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(methodNotAllowed("PUT"));
    }
}
