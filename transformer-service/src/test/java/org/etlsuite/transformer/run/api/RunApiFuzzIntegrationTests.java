package org.etlsuite.transformer.run.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.etlsuite.model.fuzz.FuzzInputs;
import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.etlsuite.transformer.ExactlyOnceEmbeddedKafka;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.kafkastreams.ApplicationExit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fuzzes every endpoint of the transformer's API through MockMvc against the whole service (real broker,
 * real PostgreSQL, the real controllers, problem handler and run service): random and boundary bodies,
 * unknown pipelines and run ids, odd paging, wrong content types and methods. Every answer is below 500;
 * every 4xx is {@code application/problem+json} and changes nothing in PostgreSQL (no run row, no run's
 * state, no schedule). A run that a valid request started cannot reach a producer and fails at once
 * ({@code retries=0}); the next trial waits for it to end.
 *
 * <p>{@code -Detl.fuzz.tries} (default 300) and {@code -Detl.fuzz.seed} (default random, printed) size and
 * replay a run.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=mock://run-api-fuzz",
        "spring.kafka.streams.application-id=run-api-fuzz-test",
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "etl.export.parquet-interval=1h",
        "etl.topic-partitions=3",
        "etl.runs.poll-interval=100ms",
        "etl.runs.await-timeout=30s",
        "etl.runs.pipelines.urban-sensors.retries=0",
        "etl.runs.pipelines.product-events.retries=0",
        "etl.runs.pipelines.transportation.retries=0",
        // a resumed schedule must not fire between a trial's two snapshots
        "etl.runs.pipelines.urban-sensors.cron=0 0 0 1 1 *",
        "etl.runs.pipelines.product-events.cron=0 0 0 1 1 *",
        "etl.runs.pipelines.transportation.cron=0 0 0 1 1 *"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class RunApiFuzzIntegrationTests {

    private static final int TRIES = Integer.getInteger("etl.fuzz.tries", 300);
    private static final long SEED = Long.getLong("etl.fuzz.seed", System.nanoTime());
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> RUN_FIELDS = List.of("generate", "events", "ratePerSecond", "durationSeconds", "seed",
            "dirtyFraction", "trigger");
    private static final List<String> PIPELINES = Pipeline.all().stream()
            .flatMap(pipeline -> java.util.stream.Stream.of(pipeline.id(), pipeline.dagId())).toList();
    private static final List<String> PAGING = List.of("", "", "?state=failed", "?state=FAILED", "?state=", "?state=bogus",
            "?page=-1", "?page=0", "?page=2147483647", "?page=2147483648", "?page=abc", "?size=0", "?size=1", "?size=100",
            "?size=101", "?size=-5", "?size=2147483647", "?page=21474836&size=100", "?page=21474837&size=100", "?page=1.5",
            "?state=running&page=0&size=20", "?%25ZZ=1");

    /** One endpoint: its method, path pattern and the fields of its body (none: it takes no body). */
    record Endpoint(HttpMethod method, String pattern, List<String> fields) {

        String key() {
            return method + " " + pattern;
        }
    }

    /** Every endpoint of the API, which {@link #shouldFuzzEveryEndpointTheApplicationMaps} checks against the mappings. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/pipelines", List.of()),
            new Endpoint(HttpMethod.GET, "/api/pipelines/{pipeline}", List.of()),
            new Endpoint(HttpMethod.PUT, "/api/pipelines/{pipeline}/paused", List.of("paused")),
            new Endpoint(HttpMethod.POST, "/api/pipelines/{pipeline}/runs", RUN_FIELDS),
            new Endpoint(HttpMethod.GET, "/api/pipelines/{pipeline}/runs", List.of()),
            new Endpoint(HttpMethod.GET, "/api/runs/{id}", List.of()),
            new Endpoint(HttpMethod.POST, "/api/runs/{id}/cancel", List.of()));

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.PATCH, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.register(registry, "run_api_fuzz", data);
        // nothing listens there: a generating run fails its extract at once
        registry.add("etl.runs.producer-url", () -> "http://localhost:" + closedPort());
    }

    /** Replaced so that a fatal Kafka Streams error fails the test instead of ending the test JVM. */
    @MockitoBean
    ApplicationExit applicationExit;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

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
        List<String> runIds = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int trial = 0; trial < TRIES; trial++) {
            Endpoint endpoint = inputs.oneOf(ENDPOINTS);
            HttpMethod method = inputs.chance(0.1) ? inputs.oneOf(METHODS) : endpoint.method();
            String id = runIds.isEmpty() || inputs.chance(0.4) ? inputs.segment(List.of("1")) : inputs.oneOf(runIds);
            String uri = endpoint.pattern().replace("{pipeline}", inputs.segment(PIPELINES)).replace("{id}", id)
                    + (endpoint.pattern().endsWith("/runs") && method == HttpMethod.GET ? inputs.oneOf(PAGING) : "");
            String body = endpoint.fields().isEmpty() && !inputs.chance(0.1) ? null
                    : inputs.body(endpoint.fields().isEmpty() ? RUN_FIELDS : endpoint.fields());
            String contentType = body == null && inputs.chance(0.7) ? null : inputs.contentType();
            String accept = inputs.accept();
            String described = "trial " + trial + " of seed " + SEED + " (-Detl.fuzz.seed=" + SEED + "): " + method + " " + uri
                    + " Content-Type: " + contentType + " Accept: " + accept + " body: " + abbreviate(body);

            String before = state();
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
            } else if (method == HttpMethod.POST && status == 202 && endpoint.pattern().endsWith("/runs")) {
                runIds.add(String.valueOf(((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue()));
            }
            // whatever a valid request started has ended before the next trial takes its snapshot
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM pipeline_run WHERE state IN ('QUEUED', 'RUNNING')", Long.class) == 0);
        }
        System.out.printf("transformer API fuzz: %d requests (seed %d), answers by status %s, %d runs started%n", TRIES, SEED,
                statuses, runIds.size());
    }

    /** What a refused request must not change: every run's state and cancel flag, every schedule. */
    private String state() {
        return jdbc.queryForList("SELECT id, state, cancel_requested FROM pipeline_run ORDER BY id").toString()
                + jdbc.queryForList("SELECT pipeline, paused, updated_at FROM pipeline_schedule ORDER BY pipeline");
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "... (" + body.length() + " chars)";
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
