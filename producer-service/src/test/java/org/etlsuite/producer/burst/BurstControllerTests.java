package org.etlsuite.producer.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.etlsuite.producer.TestCredentials.apiUser;
import static org.etlsuite.producer.web.FixedClockBeans.CLOCK;
import static org.etlsuite.producer.web.ProblemMatchers.NOT_A_DURATION;
import static org.etlsuite.producer.web.ProblemMatchers.NOT_A_FRACTION;
import static org.etlsuite.producer.web.ProblemMatchers.PROBLEM_JSON;
import static org.etlsuite.producer.web.ProblemMatchers.SLOWER_THAN_MIN;
import static org.etlsuite.producer.web.ProblemMatchers.allOf;
import static org.etlsuite.producer.web.ProblemMatchers.invalidField;
import static org.etlsuite.producer.web.ProblemMatchers.invalidRequest;
import static org.etlsuite.producer.web.ProblemMatchers.malformedJson;
import static org.etlsuite.producer.web.ProblemMatchers.methodNotAllowed;
import static org.etlsuite.producer.web.ProblemMatchers.missingBody;
import static org.etlsuite.producer.web.ProblemMatchers.unknownStream;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.send.ProducerMetrics;
import org.etlsuite.producer.send.RecordingEventSender;
import org.etlsuite.producer.stream.QualityRules;
import org.etlsuite.producer.stream.StreamCatalog;
import org.etlsuite.producer.urban.UrbanSensorGenerator;
import org.etlsuite.producer.urban.UrbanSensorsConfiguration;
import org.etlsuite.producer.urban.UrbanSensorsStream;
import org.etlsuite.producer.web.FixedClockBeans;
import org.etlsuite.producer.web.InMemorySendingBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/** HTTP contract of the burst endpoints, with the real burst service and an in-memory sender instead of Kafka. */
@WebMvcTest(BurstController.class)
@Import({BurstService.class, BurstLimitsValidator.class, StreamCatalog.class, UrbanSensorsConfiguration.class,
        ProducerMetrics.class, InMemorySendingBeans.class, FixedClockBeans.class})
class BurstControllerTests {

    static final String BURSTS = "/api/streams/urban-sensors/bursts";
    static final String EVENTS_OR_DURATION = "either events or durationSeconds is required";

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingEventSender sender;

    @Autowired
    BurstController controller;

    @Autowired
    BurstLimitsValidator limits;

    @Test
    void shouldAcceptABurstWithLocationAndRunningState() throws Exception {
        MvcResult result = mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\": 40, \"ratePerSecond\": 1000, \"seed\": 77}"))
                .andExpect(status().isAccepted())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Location", startsWith(BURSTS + "/")))
                .andExpect(jsonPath("$.stream").value("urban-sensors"))
                .andExpect(jsonPath("$.requested").value(40))
                .andExpect(jsonPath("$.sent").value(0))
                .andExpect(jsonPath("$.acked").value(0))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.startedAt").value("2025-06-01T08:30:00Z"))
                .andExpect(jsonPath("$.finishedAt").value(nullValue()))
                .andExpect(jsonPath("$.ratePerSecond").value(1000.0))
                .andExpect(jsonPath("$.seed").value(77))
                .andReturn();

        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo(BURSTS + "/" + id);
        awaitCompleted(id);
    }

    @Test
    void shouldReportACompletedBurstWithAllCountersAndPutTheSeededEventsOnTheStream() throws Exception {
        int before = sender.sent().size();
        String id = startBurst("{\"events\": 25, \"seed\": 5}");

        awaitCompleted(id);

        mvc.perform(get(BURSTS + "/" + id))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.stream").value("urban-sensors"))
                .andExpect(jsonPath("$.requested").value(25))
                .andExpect(jsonPath("$.sent").value(25))
                .andExpect(jsonPath("$.acked").value(25))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.state").value("COMPLETED"))
                .andExpect(jsonPath("$.startedAt").value("2025-06-01T08:30:00Z"))
                .andExpect(jsonPath("$.finishedAt").value("2025-06-01T08:30:00Z"))
                .andExpect(jsonPath("$.ratePerSecond").value(nullValue()))
                .andExpect(jsonPath("$.seed").value(5))
                .andExpect(jsonPath("$.error").value(nullValue()));

        UrbanSensorGenerator replay = new UrbanSensorGenerator(5L, CLOCK);
        assertThat(sender.sent().subList(before, before + 25)).allSatisfy(record -> {
            UrbanSensorReading expected = replay.next();
            assertThat(record.topic()).isEqualTo("urban-sensors");
            assertThat(record.key()).isEqualTo(expected.getSensorId());
            assertThat(record.value()).isEqualTo(expected);
        });
    }

    @Test
    void shouldListBurstsOfTheStreamNewestFirst() throws Exception {
        String older = startBurst("{\"events\": 3}");
        awaitCompleted(older);
        String newer = startBurst("{\"events\": 4}");
        awaitCompleted(newer);

        MvcResult result = mvc.perform(get(BURSTS))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andReturn();

        String json = result.getResponse().getContentAsString();
        List<String> ids = JsonPath.read(json, "$[*].id");
        assertThat(ids).containsSubsequence(newer, older);
        assertThat(ids.getFirst()).isEqualTo(newer);
        assertThat((Integer) JsonPath.read(json, "$[0].requested")).isEqualTo(4);
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownBurstId() throws Exception {
        mvc.perform(get(BURSTS + "/no-such-burst"))
                .andExpect(unknownBurst("no-such-burst"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.id").value("no-such-burst"));
    }

    @Test
    void shouldAnswer404ProblemWhenStartingABurstOfAnUnknownStream() throws Exception {
        int before = sender.sent().size();

        mvc.perform(post("/api/streams/nope/bursts").with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 5}"))
                .andExpect(unknownStream("nope", "/api/streams/nope/bursts", "urban-sensors"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.stream").value("nope"))
                .andExpect(jsonPath("$.knownStreams[0]").value("urban-sensors"));

        assertThat(sender.sent()).hasSize(before);
    }

    @Test
    void shouldAnswer404ProblemWhenReadingBurstsOfAnUnknownStream() throws Exception {
        mvc.perform(get("/api/streams/nope/bursts"))
                .andExpect(unknownStream("nope", "/api/streams/nope/bursts", "urban-sensors"));
        mvc.perform(get("/api/streams/nope/bursts/some-id"))
                .andExpect(unknownStream("nope", "/api/streams/nope/bursts/some-id", "urban-sensors"));
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{}", "events", EVENTS_OR_DURATION),
                Arguments.of("{\"events\": null}", "events", EVENTS_OR_DURATION),
                Arguments.of("{\"events\": 0}", "events", "must be greater than or equal to 1"),
                Arguments.of("{\"events\": -3}", "events", "must be greater than or equal to 1"),
                Arguments.of("{\"events\": 10000001}", "events", "must be less than or equal to 10000000"),
                Arguments.of("{\"events\": 10, \"ratePerSecond\": 0}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"events\": 10, \"ratePerSecond\": -2.5}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"events\": 10, \"ratePerSecond\": 0.09}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"events\": 10, \"ratePerSecond\": 1e-300}", "ratePerSecond", SLOWER_THAN_MIN),
                // Too slow is reported as such, not also as too long: one precise error per field.
                Arguments.of("{\"events\": 10000000, \"ratePerSecond\": 0.0001}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"events\": 10000000, \"ratePerSecond\": 0.1}", "ratePerSecond",
                        "10000000 events at 0.1/s would take 1157d 9h 46m 40s, longer than the limit of 1d;"
                                + " at this rate at most 8640 events fit"),
                Arguments.of("{\"events\": 8641, \"ratePerSecond\": 0.1}", "ratePerSecond",
                        "8641 events at 0.1/s would take 1d 10s, longer than the limit of 1d;"
                                + " at this rate at most 8640 events fit"),
                Arguments.of("{\"events\": 86401, \"ratePerSecond\": 1}", "ratePerSecond",
                        "86401 events at 1/s would take 1d 1s, longer than the limit of 1d;"
                                + " at this rate at most 86400 events fit"),
                Arguments.of("{\"events\": 10, \"ratePerSecond\": 1000000.5}", "ratePerSecond",
                        "must be less than or equal to 1000000"),
                Arguments.of("{\"events\": \"many\"}", "events", "must be a whole number"),
                Arguments.of("{\"events\": 1.5}", "events", "must be a whole number"),
                Arguments.of("{\"events\": 10, \"ratePerSecond\": \"fast\"}", "ratePerSecond", "must be a number"),
                Arguments.of("{\"events\": 10, \"seed\": \"abc\"}", "seed", "must be a whole number"),
                Arguments.of("{\"events\": 10, \"durationSeconds\": 5, \"ratePerSecond\": 2}", "durationSeconds",
                        "must not be given together with events; give exactly one of them"),
                Arguments.of("{\"ratePerSecond\": 2}", "events", EVENTS_OR_DURATION),
                Arguments.of("{\"durationSeconds\": 10}", "ratePerSecond", "must be given with durationSeconds"),
                Arguments.of("{\"durationSeconds\": 0, \"ratePerSecond\": 1}", "durationSeconds", "must be greater than 0"),
                Arguments.of("{\"durationSeconds\": -1, \"ratePerSecond\": 1}", "durationSeconds", "must be greater than 0"),
                Arguments.of("{\"durationSeconds\": NaN, \"ratePerSecond\": 1}", "durationSeconds", "must be greater than 0"),
                Arguments.of("{\"durationSeconds\": 86400.5, \"ratePerSecond\": 1}", "durationSeconds",
                        "must be at most 86400 (the limit of 1d)"),
                Arguments.of("{\"durationSeconds\": Infinity, \"ratePerSecond\": 1}", "durationSeconds",
                        "must be at most 86400 (the limit of 1d)"),
                Arguments.of("{\"durationSeconds\": 4, \"ratePerSecond\": 0.1}", "durationSeconds",
                        "4 s at 0.1/s make 0 events; at least 1 is needed"),
                Arguments.of("{\"durationSeconds\": 20, \"ratePerSecond\": 1000000}", "durationSeconds",
                        "20 s at 1000000/s make 20000000 events, more than the limit of 10000000"),
                Arguments.of("{\"durationSeconds\": 10, \"ratePerSecond\": 0.05}", "ratePerSecond", SLOWER_THAN_MIN),
                Arguments.of("{\"durationSeconds\": 10, \"ratePerSecond\": 2000000}", "ratePerSecond",
                        "must be less than or equal to 1000000"),
                Arguments.of("{\"durationSeconds\": \"long\", \"ratePerSecond\": 1}", "durationSeconds", "must be a number"),
                Arguments.of("{\"events\": 10, \"dirtyFraction\": -0.5}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"events\": 10, \"dirtyFraction\": 1.01}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"events\": 10, \"dirtyFraction\": NaN}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"events\": 10, \"dirtyFraction\": \"NaN\"}", "dirtyFraction", NOT_A_FRACTION),
                Arguments.of("{\"events\": 10, \"backfill\": \"yesterday\"}", "backfill", NOT_A_DURATION),
                Arguments.of("{\"events\": 10, \"backfill\": \"P1Y\"}", "backfill", NOT_A_DURATION),
                Arguments.of("{\"events\": 10, \"backfill\": \"PT0S\"}", "backfill", "must be a positive duration"),
                Arguments.of("{\"events\": 10, \"backfill\": \"-P7D\"}", "backfill", "must be a positive duration"),
                Arguments.of("{\"events\": 10, \"backfill\": \"P367D\"}", "backfill", "must be at most P366D"),
                Arguments.of("{\"events\": 10, \"rate\": 5}", "rate",
                        "unknown field; known fields: backfill, dirtyFraction, durationSeconds, events, ratePerSecond, seed"));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("invalidBodies")
    void shouldAnswer400ProblemNamingTheWrongFieldAndStartNothing(String body, String field, String message)
            throws Exception {
        int burstsBefore = listSize();
        int sentBefore = sender.sent().size();

        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(invalidField(field, message, BURSTS));

        assertThat(listSize()).isEqualTo(burstsBefore);
        assertThat(sender.sent()).hasSize(sentBefore);
    }

    @Test
    void shouldNameEveryWrongFieldInOneProblem() throws Exception {
        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 0, \"ratePerSecond\": 0}"))
                .andExpect(invalidRequest(
                        "events: must be greater than or equal to 1; ratePerSecond: must be greater than or equal to 0.1", 2))
                .andExpect(jsonPath("$.errors[0].field").value("events"))
                .andExpect(jsonPath("$.errors[1].field").value("ratePerSecond"));
    }

    @Test
    void shouldAcceptABurstByDurationAndFixItsEventCountAtOnce() throws Exception {
        int before = sender.sent().size();
        // 0.5 s at 61/s are 30.5 events, rounded half up to 31.
        MvcResult result = mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"durationSeconds\": 0.5, \"ratePerSecond\": 61, \"seed\": 12}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requested").value(31))
                .andExpect(jsonPath("$.durationSeconds").value(0.5))
                .andExpect(jsonPath("$.ratePerSecond").value(61.0))
                .andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");

        awaitCompleted(id);

        mvc.perform(get(BURSTS + "/" + id)).andExpect(jsonPath("$.sent").value(31)).andExpect(jsonPath("$.acked").value(31));
        UrbanSensorGenerator replay = new UrbanSensorGenerator(12L, CLOCK);
        assertThat(sender.values().subList(before, before + 31)).containsExactlyElementsOf(Stream.generate(replay::next).limit(31).toList());
    }

    @Test
    void shouldComputeTheEventsOfABurstByDurationInExactDecimals() throws Exception {
        // 30 × 0.1 in binary floating point is 3.0000000000000004; in decimals it is exactly 3.
        String id = JsonPath.read(mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"durationSeconds\": 30, \"ratePerSecond\": 0.1}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requested").value(3))
                .andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(delete(BURSTS + "/" + id).with(apiUser())).andExpect(status().isOk());
    }

    @Test
    void shouldReportTheDirtyEventsOfABurstPerDefect() throws Exception {
        int before = sender.sent().size();
        String id = startBurst("{\"events\": 600, \"dirtyFraction\": 0.3, \"seed\": 9}");
        awaitCompleted(id);

        String json = mvc.perform(get(BURSTS + "/" + id))
                .andExpect(jsonPath("$.dirtyFraction").value(0.3))
                .andReturn().getResponse().getContentAsString();

        Map<String, Integer> expected = new LinkedHashMap<>();
        new UrbanSensorsStream(CLOCK).defects().kinds().forEach(kind -> expected.put(kind, 0));
        sender.values().subList(before, before + 600)
                .forEach(value -> QualityRules.violations(value).forEach(rule -> expected.merge(rule, 1, Integer::sum)));
        Map<String, Integer> reported = JsonPath.read(json, "$.dirtyByDefect");
        assertThat(reported).containsExactlyEntriesOf(expected);
        int dirty = JsonPath.read(json, "$.dirty");
        assertThat(dirty).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
        // 600 draws at 0.3: 180 expected, with a standard deviation of about 11.
        assertThat(dirty).isBetween(140, 220);
    }

    @Test
    void shouldSpreadTheEventTimesOfABurstOverTheBackfillWindow() throws Exception {
        int before = sender.sent().size();
        String id = startBurst("{\"events\": 300, \"backfill\": \"PT6H\", \"seed\": 2}");
        awaitCompleted(id);

        mvc.perform(get(BURSTS + "/" + id)).andExpect(jsonPath("$.backfill").value("PT6H"));
        List<Instant> times = sender.values().subList(before, before + 300).stream()
                .map(value -> ((UrbanSensorReading) value).getTs()).toList();
        assertThat(times).allSatisfy(time -> assertThat(time).isBetween(CLOCK.instant().minus(Duration.ofHours(6)), CLOCK.instant()));
        assertThat(times).anySatisfy(time -> assertThat(time).isBefore(CLOCK.instant().minus(Duration.ofHours(5))));
    }

    @Test
    void shouldReportABackfillOfWholeDaysInDays() throws Exception {
        String id = startBurst("{\"events\": 1, \"backfill\": \"P7D\"}");

        mvc.perform(get(BURSTS + "/" + id)).andExpect(jsonPath("$.backfill").value("P7D"));
    }

    @Test
    void shouldAnswer400ProblemForMalformedJson() throws Exception {
        int burstsBefore = listSize();

        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content("{\"events\": 10 \"seed\": 1}"))
                .andExpect(malformedJson());

        assertThat(listSize()).isEqualTo(burstsBefore);
    }

    @Test
    void shouldAnswerTheProblemToAnAcceptHeaderThatIsNoListOfMediaTypes() throws Exception {
        // read as no Accept header at all (common-model's LenientAcceptAutoConfiguration), not a bare status
        mvc.perform(post(BURSTS).with(apiUser()).header("Accept", "garbage").contentType(MediaType.APPLICATION_JSON)
                .content("{\"events\": 10 \"seed\": 1}"))
                .andExpect(malformedJson());
        mvc.perform(get("/api/streams/nope/bursts").header("Accept", "garbage"))
                .andExpect(unknownStream("nope", "/api/streams/nope/bursts", "urban-sensors"));
    }

    @Test
    void shouldAnswer400ProblemForAMissingBody() throws Exception {
        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(missingBody());
    }

    @Test
    void shouldAcceptTheSlowestRateForABurstThatTakesExactlyTheMaximumDuration() throws Exception {
        // 8640 events at 0.1/s take exactly the default limit of 24h.
        String id = startBurst("{\"events\": 8640, \"ratePerSecond\": 0.1}");

        mvc.perform(delete(BURSTS + "/" + id).with(apiUser())).andExpect(status().isOk());
    }

    @Test
    void shouldCancelARunningBurstAndAnswerItCancelled() throws Exception {
        String id = startBurst("{\"events\": 100, \"ratePerSecond\": 0.1, \"seed\": 3}"); // event 1 is due after 10 s
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get(BURSTS + "/" + id))
                .andExpect(jsonPath("$.acked").value(1)));

        mvc.perform(delete(BURSTS + "/" + id).with(apiUser()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.stream").value("urban-sensors"))
                .andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.requested").value(100))
                .andExpect(jsonPath("$.sent").value(1))
                .andExpect(jsonPath("$.acked").value(1))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.seed").value(3))
                .andExpect(jsonPath("$.error").value(nullValue()));

        // Well before event 1 would be due: the cancel ended the pacer's wait.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get(BURSTS + "/" + id))
                .andExpect(jsonPath("$.finishedAt").value("2025-06-01T08:30:00Z")));
        mvc.perform(get(BURSTS + "/" + id))
                .andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.sent").value(1));
    }

    @Test
    void shouldAnswer409ProblemWhenCancellingABurstThatHasEnded() throws Exception {
        String id = startBurst("{\"events\": 3}");
        awaitCompleted(id);

        mvc.perform(delete(BURSTS + "/" + id).with(apiUser()))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.title").value("Burst not running"))
                .andExpect(jsonPath("$.detail").value("id: burst '" + id
                        + "' of stream 'urban-sensors' is already COMPLETED; only a RUNNING burst can be cancelled"))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.state").value("COMPLETED"))
                .andExpect(jsonPath("$.instance").value(BURSTS + "/" + id));
        mvc.perform(get(BURSTS + "/" + id)).andExpect(jsonPath("$.state").value("COMPLETED"));
    }

    @Test
    void shouldAnswer409ProblemWhenCancellingACancelledBurstAgain() throws Exception {
        String id = startBurst("{\"events\": 100, \"ratePerSecond\": 0.1}");
        mvc.perform(delete(BURSTS + "/" + id).with(apiUser())).andExpect(status().isOk());

        mvc.perform(delete(BURSTS + "/" + id).with(apiUser()))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.state").value("CANCELLED"));
    }

    @Test
    void shouldAnswer404ProblemWhenCancellingAnUnknownBurst() throws Exception {
        mvc.perform(delete(BURSTS + "/no-such-burst").with(apiUser()))
                .andExpect(unknownBurst("no-such-burst"));
    }

    @Test
    void shouldAnswer404ProblemWhenCancellingABurstOfAnUnknownStream() throws Exception {
        String id = startBurst("{\"events\": 100, \"ratePerSecond\": 0.1}");

        mvc.perform(delete("/api/streams/nope/bursts/" + id).with(apiUser()))
                .andExpect(unknownStream("nope", "/api/streams/nope/bursts/" + id, "urban-sensors"));

        mvc.perform(get(BURSTS + "/" + id)).andExpect(jsonPath("$.state").value("RUNNING"));
        mvc.perform(delete(BURSTS + "/" + id).with(apiUser())).andExpect(status().isOk());
    }

    static Stream<Arguments> anyBodies() {
        return Stream.of(
                Arguments.of(MediaType.APPLICATION_JSON, "{\"events\": 5}"),
                Arguments.of(MediaType.APPLICATION_JSON, "{\"events\": 0}"),
                Arguments.of(MediaType.APPLICATION_JSON, "{\"events\": 10, \"ratePerSecond\": 1e-300}"),
                Arguments.of(MediaType.APPLICATION_JSON, "{\"events\": 10000000, \"ratePerSecond\": 0.1}"),
                Arguments.of(MediaType.APPLICATION_JSON, "{\"events\": 10, \"rate\": 5}"),
                Arguments.of(MediaType.APPLICATION_JSON, "{\"events\": 10 \"seed\": 1}"),
                Arguments.of(MediaType.APPLICATION_JSON, ""),
                Arguments.of(MediaType.TEXT_PLAIN, "events=5"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("anyBodies")
    void shouldAnswer404ProblemForAnUnknownStreamWhateverTheBody(MediaType type, String body) throws Exception {
        int sentBefore = sender.sent().size();

        mvc.perform(post("/api/streams/nope/bursts").with(apiUser()).contentType(type).content(body))
                .andExpect(unknownStream("nope", "/api/streams/nope/bursts", "urban-sensors"));

        assertThat(sender.sent()).hasSize(sentBefore);
    }

    @Test
    void shouldAddTheLimitsToTheBinderOfTheRequestBodyWhateverItsObjectName() throws Exception {
        // Spring names a body's binder after its type; the limits must not depend on that name.
        InvocableHandlerMethod addLimits = new InvocableHandlerMethod(controller,
                BurstController.class.getDeclaredMethod("addLimits", WebDataBinder.class));
        WebDataBinderFactory binders = new ServletRequestDataBinderFactory(List.of(addLimits), null);
        NativeWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

        WebDataBinder body = binders.createBinder(request, new BurstRequest(5L, null, null, null, null, null), "renamedRequest");
        WebDataBinder pathVariable = binders.createBinder(request, null, "id");
        WebDataBinder otherTarget = binders.createBinder(request, "not a burst request", "other");

        assertThat(body.getValidators()).containsExactly(limits);
        assertThat(pathVariable.getValidators()).isEmpty();
        assertThat(otherTarget.getValidators()).isEmpty();
    }

    @Test
    void shouldAnswer415ProblemForANonJsonBody() throws Exception {
        mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.TEXT_PLAIN).content("events=5"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.detail").value(startsWith("Content-Type 'text/plain")));
    }

    @Test
    void shouldAnswer405ProblemForAnUnsupportedMethod() throws Exception {
        mvc.perform(delete(BURSTS).with(apiUser()))
                .andExpect(methodNotAllowed("POST"));
    }

    /** 404 for a burst id that the stream does not know (any more). */
    private static ResultMatcher unknownBurst(String id) {
        return allOf(
                status().isNotFound(),
                content().contentType(PROBLEM_JSON),
                jsonPath("$.title").value("Unknown burst"),
                jsonPath("$.detail").value(
                        "id: no burst '" + id + "' of stream 'urban-sensors' (unknown, or dropped from the history)"),
                jsonPath("$.instance").value(BURSTS + "/" + id));
    }

    private String startBurst(String body) throws Exception {
        MvcResult result = mvc.perform(post(BURSTS).with(apiUser()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted())
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
    }

    private void awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get(BURSTS + "/" + id))
                .andExpect(jsonPath("$.state").value("COMPLETED")));
    }

    private int listSize() throws Exception {
        String json = mvc.perform(get(BURSTS)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.<Integer>read(json, "$.length()");
    }
}
