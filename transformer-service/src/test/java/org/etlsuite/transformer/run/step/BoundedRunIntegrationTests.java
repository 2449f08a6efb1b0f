package org.etlsuite.transformer.run.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.Topics;
import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.etlsuite.transformer.ExactlyOnceEmbeddedKafka;
import org.etlsuite.transformer.stream.RecordDecoder;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.TestPipelines;
import org.etlsuite.transformer.run.RunEvents;
import org.etlsuite.transformer.run.api.RunApi;
import org.etlsuite.transformer.run.kafka.OffsetRanges;
import org.etlsuite.transformer.run.kafka.RunKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Runs that take the events already in Kafka ({@code generate=false}) hold at most {@code etl.runs.max-events}
 * offsets, through the whole service as in {@link org.etlsuite.transformer.run.PipelineRunIntegrationTests}: a
 * request over the limit is refused, a range that grew past it before its run started is cut by the extract task,
 * and the next run takes the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=" + BoundedRunIntegrationTests.REGISTRY,
        "spring.kafka.streams.application-id=bounded-runs-test",
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "etl.export-interval=200ms",
        "etl.export.parquet-interval=1h",
        "etl.topic-partitions=3",
        "etl.runs.default-events=10",
        "etl.runs.max-events=" + BoundedRunIntegrationTests.MAX_EVENTS,
        "etl.runs.poll-interval=100ms",
        "etl.runs.heartbeat-interval=500ms",
        "etl.runs.stale-after=2s",
        "etl.runs.await-timeout=2m",
        "etl.runs.pipelines.urban-sensors.retries=0",
        "etl.runs.pipelines.product-events.retries=0"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class BoundedRunIntegrationTests {

    static final String REGISTRY = "mock://bounded-runs";
    static final int MAX_EVENTS = 50;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final String EXISTING_EVENTS = "{\"generate\": false}";
    private static final FakeProducer PRODUCER = FakeProducer.forEmbeddedKafka();
    private static final RunEvents EVENTS = new RunEvents(REGISTRY);

    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The real Kafka questions, with a way to make records arrive right after a request was sized. */
    @MockitoSpyBean
    RunKafka kafka;

    /** Records to send once the input's stable end has been read, i.e. between the request's check and the extract task. */
    private final AtomicReference<List<KeyValue<String, byte[]>>> arriveAfterNextCheck = new AtomicReference<>();

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.register(registry, "bounded_runs", data);
        registry.add("etl.runs.producer-url", () -> PRODUCER.url().toString());
    }

    @AfterAll
    static void stopProducer() {
        PRODUCER.close();
    }


    @BeforeEach
    @SuppressWarnings("unchecked")
    void recordsArriveAfterTheCheckWhenAsked() throws Exception {
        doAnswer(invocation -> {
            Object ends = invocation.callRealMethod();
            Collection<TopicPartition> partitions = invocation.getArgument(0);
            if (partitions.stream().anyMatch(partition -> partition.topic().equals(Topics.URBAN_SENSORS))) {
                List<KeyValue<String, byte[]>> arrivals = arriveAfterNextCheck.getAndSet(null);
                if (arrivals != null) {
                    send(Topics.URBAN_SENSORS, arrivals);
                }
            }
            return ends;
        }).when(kafka).stableEnds(any());
    }

    private RunApi api() {
        return new RunApi(port);
    }

    @Test
    void refusesARunOfExistingEventsOverTheLimitWithAProblemAndQueuesNothing() {
        send(Topics.PRODUCT_EVENTS, EVENTS.product(MAX_EVENTS + 1).records());
        long runsBefore = runRows();

        RunApi.Answer refused = api().post("/api/pipelines/product-events/runs", EXISTING_EVENTS);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("title").asText()).isEqualTo("Invalid run parameters");
        assertThat(refused.body().get("detail").asText()).isEqualTo("The pending range of product-events holds 51 offsets "
                + "(since the beginning of the topic: no generate=false run has succeeded yet); a run takes at most 50 "
                + "(etl.runs.max-events). Use generating runs (generate=true), which take only their own burst, or raise "
                + "etl.runs.max-events.");
        assertThat(refused.body().get("instance").asText()).isEqualTo("/api/pipelines/product-events/runs");
        assertThat(runRows()).isEqualTo(runsBefore);
        assertThat(api().get("/api/pipelines/product-events").body().get("activeRunId").isNull()).isTrue();
    }

    @Test
    void takesAtMostTheLimitAndLeavesWhatArrivedBeforeTheRunStartedToTheNextRun() throws Exception {
        RunApi api = api();
        List<KeyValue<String, byte[]>> sent = new ArrayList<>();

        // within the limit: the run takes all of it
        List<KeyValue<String, byte[]>> first = EVENTS.urbanOutsideRuns(30);
        send(Topics.URBAN_SENSORS, first);
        sent.addAll(first);
        long within = api.start("urban-sensors", EXISTING_EVENTS);
        awaitState(within, "SUCCESS");
        assertCounts(within, 30);

        // 40 pending when asked (accepted), 25 more by the time the run fixes its range: it takes 50
        List<KeyValue<String, byte[]>> pending = EVENTS.urbanOutsideRuns(40);
        send(Topics.URBAN_SENSORS, pending);
        sent.addAll(pending);
        List<KeyValue<String, byte[]>> late = EVENTS.urbanOutsideRuns(25);
        arriveAfterNextCheck.set(late);
        sent.addAll(late);
        long capped = api.start("urban-sensors", EXISTING_EVENTS);
        assertThat(arriveAfterNextCheck.get()).as("sent between the check and the extract task").isNull();
        awaitState(capped, "SUCCESS");
        assertCounts(capped, MAX_EVENTS);

        // the next run takes the 15 left over, and its range starts where the capped one ended
        long rest = api.start("urban-sensors", EXISTING_EVENTS);
        awaitState(rest, "SUCCESS");
        assertCounts(rest, 15);
        OffsetRanges cappedRange = inputRange(capped);
        OffsetRanges restRange = inputRange(rest);
        assertThat(cappedRange.size()).isEqualTo(MAX_EVENTS);
        assertThat(restRange.from()).isEqualTo(cappedRange.to());
        assertThat(inputRange(within).to()).isEqualTo(cappedRange.from());

        // nothing lost, nothing twice: the three raw archives hold every record sent exactly once
        List<String> archived = new ArrayList<>();
        for (long run : List.of(within, capped, rest)) {
            List<String> raw = Files.readAllLines(data.resolve(api.run(run).get("files").get("raw").asText()), StandardCharsets.UTF_8);
            raw.subList(1, raw.size()).forEach(line -> archived.add(RunEvents.idOf(line)));
        }
        assertThat(archived).hasSize(95).doesNotHaveDuplicates();
        assertThat(new HashSet<>(archived)).isEqualTo(ids(sent));

        // more than the limit pending after a run: refused, naming that run
        send(Topics.URBAN_SENSORS, EVENTS.urbanOutsideRuns(MAX_EVENTS + 7));
        long runsBefore = runRows();
        RunApi.Answer refused = api.post("/api/pipelines/urban-sensors/runs", EXISTING_EVENTS);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).isEqualTo("The pending range of urban-sensors holds 57 offsets (since run "
                + rest + ", the previous generate=false run); a run takes at most 50 (etl.runs.max-events). Use generating runs "
                + "(generate=true), which take only their own burst, or raise etl.runs.max-events.");
        assertThat(runRows()).isEqualTo(runsBefore);
    }

    private void assertCounts(long run, long events) {
        JsonNode view = api().run(run);
        assertThat(view.get("counts").get("generated").asLong()).as("run %d generated", run).isEqualTo(events);
        assertThat(view.get("counts").get("processed").asLong()).as("run %d processed", run).isEqualTo(events);
        assertThat(view.get("counts").get("rejected").asLong()).isZero();
        assertThat(view.get("counts").get("duplicates").asLong()).isZero();
        List<String> processed;
        try {
            processed = Files.readAllLines(data.resolve(view.get("files").get("processed").asText()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(processed).hasSize(1 + (int) events);
    }

    private OffsetRanges inputRange(long run) {
        return OffsetRanges.parse(jdbc.queryForObject("SELECT input_ranges FROM pipeline_run WHERE id = ?", String.class, run));
    }

    private long runRows() {
        return jdbc.queryForObject("SELECT count(*) FROM pipeline_run", Long.class);
    }

    private void awaitState(long run, String state) {
        api().awaitState(run, state, RUN_TIMEOUT);
    }


    private static Set<String> ids(List<KeyValue<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        try (RunDecoders decoders = new RunDecoders(Map.<String, Object>of("schema.registry.url", REGISTRY))) {
            for (KeyValue<String, byte[]> record : records) {
                if (decoders.event(TestPipelines.URBAN_SENSORS, record.value) instanceof RecordDecoder.Decoded<?>(UrbanSensorReading reading)) {
                    ids.add(reading.getSensorId() + "|" + reading.getTs());
                }
            }
        }
        return ids;
    }

    private static void send(String topic, List<KeyValue<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<?>> sends = new ArrayList<>();
            for (KeyValue<String, byte[]> record : records) {
                sends.add(producer.send(new ProducerRecord<>(topic, record.key, record.value)));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
