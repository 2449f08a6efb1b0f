package org.etlsuite.producer.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.etlsuite.model.fuzz.FuzzInputs;
import org.etlsuite.producer.burst.BurstCounts;
import org.etlsuite.producer.burst.BurstService;
import org.etlsuite.producer.continuous.ContinuousService;
import org.etlsuite.producer.continuous.ContinuousView;
import org.etlsuite.producer.send.EventSender;
import org.etlsuite.producer.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every endpoint of the producer's API through MockMvc, with the whole application but Kafka (records
 * go nowhere, topics are not declared): the real controllers, validation, problem handler and burst and
 * continuous services. Random and boundary bodies, unknown streams and burst
 * ids, wrong content types and methods. Every answer is below 500; every 4xx is
 * {@code application/problem+json} and changes nothing (no burst, no continuous generator started or
 * changed). What a valid request started is stopped again at once.
 *
 * <p>{@code -Detl.fuzz.tries} (default 400) and {@code -Detl.fuzz.seed} (default random, printed) size and
 * replay a run.
 */
@SpringBootTest(properties = "spring.kafka.admin.auto-create=false")
@AutoConfigureMockMvc
@Import(ProducerApiFuzzTests.DiscardingSender.class)
class ProducerApiFuzzTests {

    private static final int TRIES = Integer.getInteger("etl.fuzz.tries", 400);
    private static final long SEED = Long.getLong("etl.fuzz.seed", System.nanoTime());
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> BURST_FIELDS = List.of("events", "durationSeconds", "ratePerSecond", "seed", "dirtyFraction", "backfill");
    private static final List<String> CONTINUOUS_FIELDS = List.of("ratePerSecond", "seed", "dirtyFraction", "backfill");

    /** One endpoint: its method, path pattern and the fields of its body (none: it takes no body). */
    record Endpoint(HttpMethod method, String pattern, List<String> fields) {

        String key() {
            return method + " " + pattern;
        }
    }

    /** Every endpoint of the API, which {@link #shouldFuzzEveryEndpointTheApplicationMaps} checks against the mappings. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/streams", List.of()),
            new Endpoint(HttpMethod.GET, "/api/streams/{stream}", List.of()),
            new Endpoint(HttpMethod.POST, "/api/streams/{stream}/bursts", BURST_FIELDS),
            new Endpoint(HttpMethod.GET, "/api/streams/{stream}/bursts", List.of()),
            new Endpoint(HttpMethod.GET, "/api/streams/{stream}/bursts/{id}", List.of()),
            new Endpoint(HttpMethod.DELETE, "/api/streams/{stream}/bursts/{id}", List.of()),
            new Endpoint(HttpMethod.PUT, "/api/streams/{stream}/continuous", CONTINUOUS_FIELDS),
            new Endpoint(HttpMethod.GET, "/api/streams/{stream}/continuous", List.of()),
            new Endpoint(HttpMethod.DELETE, "/api/streams/{stream}/continuous", List.of()));

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.PATCH, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Sends nothing anywhere: every record is acknowledged at once, so what a valid request starts ends quickly. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DiscardingSender {

        @Bean
        @Primary
        EventSender discardingSender() {
            return (topic, key, value, headers, delivery) -> delivery.acked();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StreamCatalog streams;

    @Autowired
    BurstService bursts;

    @Autowired
    ContinuousService continuous;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void shouldFuzzEveryEndpointTheApplicationMaps() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern ->
                info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + pattern))));
        // the servlet container's error page, not part of the API
        mapped.removeIf(endpoint -> endpoint.endsWith(" /error"));

        assertThat(mapped).isEqualTo(ENDPOINTS.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void shouldAnswerEveryRandomRequestBelow500AndEveryRefusalAsAProblemThatChangedNothing() throws Exception {
        FuzzInputs inputs = new FuzzInputs(SEED);
        List<String> knownIds = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int trial = 0; trial < TRIES; trial++) {
            Endpoint endpoint = inputs.oneOf(ENDPOINTS);
            HttpMethod method = inputs.chance(0.1) ? inputs.oneOf(METHODS) : endpoint.method();
            String stream = inputs.segment(streams.names());
            String id = knownIds.isEmpty() || inputs.chance(0.5) ? inputs.segment(List.of(java.util.UUID.randomUUID().toString()))
                    : inputs.oneOf(knownIds);
            String uri = endpoint.pattern().replace("{stream}", stream).replace("{id}", id)
                    + (inputs.chance(0.1) ? "?" + inputs.oneOf(List.of("events=1", "x=%25ZZ", "stream=", "a=1&a=2")) : "");
            String body = endpoint.fields().isEmpty() && !inputs.chance(0.1) ? null : inputs.body(
                    endpoint.fields().isEmpty() ? BURST_FIELDS : endpoint.fields());
            String contentType = body == null && inputs.chance(0.7) ? null : inputs.contentType();
            String accept = inputs.accept();
            String described = "trial " + trial + " of seed " + SEED + " (-Detl.fuzz.seed=" + SEED + "): " + method + " " + uri
                    + " Content-Type: " + contentType + " Accept: " + accept + " body: " + abbreviate(body);

            Map<String, String> before = state();
            MockHttpServletRequestBuilder request = ApiRequests.request(method, uri);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (body != null) {
                request.content(body.getBytes(StandardCharsets.UTF_8));
            }
            MockHttpServletResponse response;
            try {
                response = mvc.perform(request).andReturn().getResponse();
            } catch (Exception e) {
                throw new AssertionError("unhandled " + e + " for " + described, e);
            }
            int status = response.getStatus();
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as("%s answered %s", described, response.getContentAsString()).isLessThan(500);
            if (status >= 400) {
                if (method != HttpMethod.HEAD) {
                    assertThat(response.getContentType()).as("%s answered %d %s", described, status, response.getContentAsString())
                            .startsWith(PROBLEM_JSON);
                }
                assertThat(state()).as("state after %s answered %d", described, status).isEqualTo(before);
            } else {
                stopWhatItStarted(method, endpoint, stream, response, knownIds);
            }
        }
        System.out.printf("producer API fuzz: %d requests (seed %d), answers by status %s%n", TRIES, SEED, statuses);
    }

    /** A burst that a valid request started is cancelled, a generator stopped: each trial starts from a quiet service. */
    private void stopWhatItStarted(HttpMethod method, Endpoint endpoint, String stream, MockHttpServletResponse response,
                                   List<String> knownIds) throws Exception {
        if (method == HttpMethod.POST && endpoint.pattern().endsWith("/bursts") && response.getStatus() == 202) {
            String id = JsonPath.read(response.getContentAsString(), "$.id");
            knownIds.add(id);
            mvc.perform(ApiRequests.request(HttpMethod.DELETE, "/api/streams/" + stream + "/bursts/" + id)).andReturn();
            org.awaitility.Awaitility.await().until(() -> bursts.counts(stream).running() == 0);
        }
        if (method == HttpMethod.PUT && endpoint.pattern().endsWith("/continuous") && response.getStatus() < 300) {
            mvc.perform(ApiRequests.request(HttpMethod.DELETE, "/api/streams/" + stream + "/continuous")).andReturn();
        }
    }

    /** What a refused request must not change: per stream, the bursts by state and the continuous generator. */
    private Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String name : streams.names()) {
            BurstCounts counts = bursts.counts(name);
            ContinuousView generator = continuous.status(streams.find(name).orElseThrow());
            state.put(name, counts + " continuous " + generator.state() + " seed " + generator.seed() + " rate " + generator.ratePerSecond()
                    + " dirty " + generator.dirtyFraction() + " backfill " + generator.backfill() + " started " + generator.startedAt());
        }
        return state;
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "... (" + body.length() + " chars)";
    }
}
