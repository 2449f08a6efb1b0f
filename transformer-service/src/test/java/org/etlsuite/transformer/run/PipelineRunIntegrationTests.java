package org.etlsuite.transformer.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.Topics;
import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.etlsuite.transformer.ExactlyOnceEmbeddedKafka;
import org.etlsuite.transformer.run.api.RunApi;
import org.etlsuite.transformer.run.step.FakeProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pipeline runs through the whole service: real KRaft broker, real PostgreSQL, Kafka Streams processing
 * the bursts, the run API over HTTP. The producer-service's burst API is played by {@link FakeProducer}
 * (real records on the real broker, tagged as the producer tags them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=" + PipelineRunIntegrationTests.REGISTRY,
        "spring.kafka.streams.application-id=pipeline-runs-test",
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "etl.export-interval=200ms",
        "etl.export.parquet-interval=1h",
        "etl.topic-partitions=3",
        "etl.runs.poll-interval=100ms",
        "etl.runs.heartbeat-interval=500ms",
        "etl.runs.stale-after=2s",
        "etl.runs.await-timeout=2m",
        "etl.runs.pipelines.urban-sensors.retries=0",
        "etl.runs.pipelines.product-events.retries=2",
        "etl.runs.pipelines.product-events.retry-backoff=400ms",
        "etl.runs.pipelines.product-events.backoff-multiplier=2",
        "etl.runs.pipelines.transportation.cron=*/2 * * * * *",
        "etl.runs.pipelines.transportation.paused=true",
        "etl.runs.pipelines.transportation.retries=0"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class PipelineRunIntegrationTests {

    static final String REGISTRY = "mock://pipeline-runs";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final FakeProducer PRODUCER = FakeProducer.forEmbeddedKafka();
    private static final RunEvents EVENTS = new RunEvents(REGISTRY);

    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.register(registry, "pipeline_runs", data);
        registry.add("etl.runs.producer-url", () -> PRODUCER.url().toString());
    }

    @AfterAll
    static void stopProducer() {
        PRODUCER.close();
    }


    @org.junit.jupiter.api.BeforeEach
    void resetProducer() {
        PRODUCER.reset();
    }

    private RunApi api() {
        return new RunApi(port);
    }

    @Test
    void shouldArchiveAndProcessExactlyTheRunsEventsWhileOtherStreamsAndRunsWrite() throws Exception {
        RunEvents.Burst urban = EVENTS.urban(5_000);
        RunEvents.Burst product = EVENTS.product(1_000);
        PRODUCER.content(Topics.URBAN_SENSORS, events -> urban.records());
        PRODUCER.content(Topics.PRODUCT_EVENTS, events -> product.records());
        RunApi api = api();

        // readings of a "continuous stream" land in the same partitions while the burst is sent
        CompletableFuture<Void> background = CompletableFuture.runAsync(() -> sendPaced(EVENTS.urbanOutsideRuns(2_000)));
        long urbanRun = api.start("urban-sensors", "{\"events\": 5000, \"seed\": 7}");
        long productRun = api.start("VMI_PRODUCT_EVENTS_ETL", "{\"events\": 1000}");
        background.get();

        awaitState(urbanRun, "SUCCESS");
        awaitState(productRun, "SUCCESS");

        RunEvents.Mix mix = RunEvents.Mix.of(5_000);
        JsonNode run = api.run(urbanRun);
        assertThat(run.get("trigger").asText()).isEqualTo("API");
        assertThat(run.get("counts").get("generated").asLong()).isEqualTo(5_000);
        assertThat(run.get("counts").get("processed").asLong()).isEqualTo(mix.valid());
        assertThat(run.get("counts").get("rejected").asLong()).isEqualTo(mix.invalid() + mix.poison());
        assertThat(run.get("counts").get("duplicates").asLong()).isEqualTo(mix.copies());
        assertThat(run.get("tasks")).extracting(task -> task.get("name").asText() + ":" + task.get("state").asText() + ":" + task.get("attempts").asInt())
                .containsExactly("extract:SUCCESS:1", "await:SUCCESS:1", "load-raw:SUCCESS:1", "transform:SUCCESS:1");

        // the row in PostgreSQL says the same
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM pipeline_run WHERE id = ?", urbanRun);
        assertThat(row).containsEntry("pipeline", "urban-sensors").containsEntry("state", "SUCCESS")
                .containsEntry("generated", 5_000L).containsEntry("processed", (long) mix.valid())
                .containsEntry("rejected", (long) (mix.invalid() + mix.poison())).containsEntry("duplicates", (long) mix.copies())
                .containsEntry("seed", 7L);

        // raw archive: exactly the 5,000 records of the burst, none of the 2,000 sent meanwhile
        String rawFile = run.get("files").get("raw").asText();
        assertThat(rawFile).matches("raw/urban_sensors_raw_\\d{8}_\\d{4}(_\\d+)?\\.csv");
        List<String> raw = Files.readAllLines(data.resolve(rawFile), StandardCharsets.UTF_8);
        assertThat(raw.getFirst()).isEqualTo("sensor_id,ts,location,vehicle_count,avg_speed_kmh,noise_db,pm25,pm10,status,"
                + "kafka_partition,kafka_offset,decode_error");
        List<String> rawRows = raw.subList(1, raw.size());
        assertThat(rawRows).hasSize(5_000);
        assertThat(rawRows.stream().filter(line -> line.contains("bad-magic-byte"))).hasSize(mix.poison());
        assertThat(rawRows.stream().filter(line -> line.startsWith(" ,"))).hasSize(mix.invalid());
        Set<String> rawValid = new HashSet<>();
        rawRows.stream().filter(line -> line.startsWith("sensor-")).forEach(line -> rawValid.add(RunEvents.idOf(line)));
        assertThat(rawValid).isEqualTo(ids(urban.valid()));
        assertThat(rawRows.stream().filter(line -> line.startsWith("sensor-"))).hasSize(mix.valid() + mix.copies());

        // processed rows of the run: each valid reading once, with its features
        String processedFile = run.get("files").get("processed").asText();
        List<String> processed = Files.readAllLines(data.resolve(processedFile), StandardCharsets.UTF_8);
        assertThat(processed.getFirst()).isEqualTo("sensor_id,ts,location,vehicle_count,avg_speed_kmh,noise_db,pm25,pm10,status,"
                + "hour,day,is_peak_hour,pollution_idx,noise_level");
        List<String> processedRows = processed.subList(1, processed.size());
        assertThat(processedRows).hasSize(mix.valid());
        assertThat(processedRows.stream().map(RunEvents::idOf).collect(java.util.stream.Collectors.toSet()))
                .isEqualTo(ids(urban.valid()));
        assertThat(processedRows.getFirst()).endsWith(",8,2026-03-01,true,15.55,Moderate");
        // the original's fixed name holds the latest successful run
        assertThat(Files.readAllLines(data.resolve("processed/urban_sensors_processed.csv"))).isEqualTo(processed);

        JsonNode productView = api.run(productRun);
        assertThat(productView.get("pipeline").asText()).isEqualTo("product-events");
        assertThat(productView.get("counts").get("generated").asLong()).isEqualTo(1_000);
        assertThat(productView.get("counts").get("processed").asLong()).isEqualTo(1_000);
        assertThat(productView.get("counts").get("rejected").asLong()).isZero();
        assertThat(productView.get("counts").get("duplicates").asLong()).isZero();
        assertThat(Files.readAllLines(data.resolve("processed_product/product_events_clean.csv"))).hasSize(1_001);
        assertThat(Files.readAllLines(data.resolve(productView.get("files").get("raw").asText()))).hasSize(1_001);
    }

    @Test
    void shouldRetryAFailingTaskWithGrowingBackoffAndRecordEveryAttempt() {
        RunApi api = api();
        PRODUCER.content(Topics.PRODUCT_EVENTS, events -> EVENTS.product(events).records());

        // two refusals, then the burst goes through: three attempts, 400 ms then 800 ms apart
        PRODUCER.failNextStarts(Topics.PRODUCT_EVENTS, 2);
        long recovered = api.start("product-events", "{\"events\": 50}");
        awaitState(recovered, "SUCCESS");
        JsonNode extract = api.run(recovered).get("tasks").get(0);
        assertThat(extract.get("name").asText()).isEqualTo("extract");
        assertThat(extract.get("attempts").asInt()).isEqualTo(3);
        JsonNode tries = extract.get("tries");
        assertThat(tries).extracting(attempt -> attempt.get("state").asText()).containsExactly("FAILED", "FAILED", "SUCCESS");
        assertThat(tries.get(0).get("error").asText()).contains("503");
        assertThat(gap(tries.get(0), tries.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(gap(tries.get(1), tries.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(api.run(recovered).get("counts").get("processed").asLong()).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM task_attempt a JOIN run_task t ON t.id = a.task_id "
                + "WHERE t.run_id = ? AND t.name = 'EXTRACT'", Long.class, recovered)).isEqualTo(3);

        // refused every time: the retries run out, the run fails and the later tasks never start
        PRODUCER.failNextStarts(Topics.PRODUCT_EVENTS, 10);
        long failed = api.start("product-events", "{\"events\": 50}");
        awaitState(failed, "FAILED");
        JsonNode view = api.run(failed);
        assertThat(view.get("error").asText()).startsWith("extract failed after 3 attempt(s)").contains("503");
        assertThat(view.get("tasks")).extracting(task -> task.get("state").asText())
                .containsExactly("FAILED", "SKIPPED", "SKIPPED", "SKIPPED");
        assertThat(view.get("tasks").get(0).get("tries")).hasSize(3);
        assertThat(view.get("files").get("raw").isNull()).isTrue();
    }

    @Test
    void shouldFireRunsOnTheScheduleOnlyWhileResumed() {
        RunApi api = api();
        PRODUCER.content(Topics.TRANSPORTATION_STATS, events -> EVENTS.transport(events).records());
        assertThat(scheduledRuns()).isZero();

        RunApi.Answer resumed = api.put("/api/pipelines/VMI_001/paused", "{\"paused\": false}");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body().get("paused").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pipeline_run WHERE pipeline = 'transportation' AND run_trigger = 'SCHEDULE' AND state = 'SUCCESS'",
                Long.class) >= 2);

        assertThat(api.put("/api/pipelines/transportation/paused", "{\"paused\": true}").status()).isEqualTo(200);
        await().atMost(RUN_TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pipeline_run WHERE pipeline = 'transportation' AND state IN ('QUEUED', 'RUNNING')", Long.class) == 0);
        long afterPause = scheduledRuns();
        // three fire times of the two-second cron pass without a run
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
        assertThat(scheduledRuns()).isEqualTo(afterPause);
        JsonNode latest = api.get("/api/pipelines/transportation/runs?state=success&size=1").body().get("content").get(0);
        assertThat(latest.get("trigger").asText()).isEqualTo("SCHEDULE");
        assertThat(latest.get("parameters").get("events").asLong()).isEqualTo(500);
        assertThat(latest.get("counts").get("processed").asLong()).isEqualTo(500);
    }

    @Test
    void shouldTakeWhatArrivedSinceThePreviousRunWhenNotGenerating() throws Exception {
        RunApi api = api();
        long first = api.start("urban-sensors", "{\"generate\": false}");
        awaitState(first, "SUCCESS");

        List<KeyValue<String, byte[]>> arrived = EVENTS.urbanOutsideRuns(300);
        sendPaced(arrived);
        long second = api.start("urban-sensors", "{\"generate\": false, \"trigger\": \"manual\"}");
        awaitState(second, "SUCCESS");

        JsonNode run = api.run(second);
        assertThat(run.get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(run.get("burstId").isNull()).isTrue();
        assertThat(run.get("counts").get("generated").asLong()).isEqualTo(300);
        assertThat(run.get("counts").get("processed").asLong()).isEqualTo(300);
        assertThat(Files.readAllLines(data.resolve(run.get("files").get("raw").asText()))).hasSize(301);
    }

    @Test
    void shouldListThePipelinesWithTheirSchedulesAndAcceptTheDagIds() {
        RunApi api = api();
        RunApi.Answer list = api.get("/api/pipelines");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).extracting(pipeline -> pipeline.get("id").asText() + "=" + pipeline.get("dagId").asText())
                .containsExactly("urban-sensors=VMI_URBAN_SENSORS_ELT", "product-events=VMI_PRODUCT_EVENTS_ETL", "transportation=VMI_001");
        JsonNode urban = list.body().get(0);
        assertThat(urban.get("tasks")).extracting(JsonNode::asText).containsExactly("extract", "await", "load-raw", "transform");
        assertThat(urban.get("schedule").asText()).isEqualTo("0 0 * * * *");
        assertThat(urban.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(urban.get("paused").asBoolean()).isTrue();
        Instant next = Instant.parse(urban.get("nextFireTime").asText());
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(5));
        assertThat(list.body().get(1).get("retries").asInt()).isEqualTo(2);
        assertThat(list.body().get(1).get("retryBackoff").asText()).isEqualTo("PT0.4S");

        RunApi.Answer byDagId = api.get("/api/pipelines/vmi_001");
        assertThat(byDagId.status()).isEqualTo(200);
        assertThat(byDagId.body().get("id").asText()).isEqualTo("transportation");
        assertThat(byDagId.body().get("schedule").asText()).isEqualTo("*/2 * * * * *");
    }

    @Test
    void shouldAnswerNotFoundProblemsForUnknownPipelinesAndRuns() {
        RunApi api = api();
        for (RunApi.Answer answer : List.of(api.get("/api/pipelines/weather"), api.post("/api/pipelines/weather/runs", "{}"),
                api.get("/api/pipelines/weather/runs"), api.put("/api/pipelines/weather/paused", "{\"paused\": true}"))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("title").asText()).isEqualTo("Unknown pipeline");
            assertThat(answer.body().get("detail").asText()).isEqualTo("Unknown pipeline 'weather'; known: urban-sensors "
                    + "(VMI_URBAN_SENSORS_ELT), product-events (VMI_PRODUCT_EVENTS_ETL), transportation (VMI_001)");
        }
        for (RunApi.Answer answer : List.of(api.get("/api/runs/987654"), api.post("/api/runs/987654/cancel", null))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("detail").asText()).isEqualTo("Unknown run 987654");
            assertThat(answer.body().get("instance").asText()).startsWith("/api/runs/987654");
        }
        assertThat(api.get("/api/runs/latest").status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseBadParametersWithoutQueuingARun() {
        RunApi api = api();
        long runsBefore = jdbc.queryForObject("SELECT count(*) FROM pipeline_run", Long.class);
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{\"events\": 0}", "events must be at least 1, was 0");
        refused.put("{\"events\": 2000000}", "A run holds at most 1000000 events");
        refused.put("{\"events\": 10, \"durationSeconds\": 5, \"ratePerSecond\": 2}", "Give either events or durationSeconds, not both");
        refused.put("{\"durationSeconds\": 5}", "durationSeconds requires ratePerSecond");
        refused.put("{\"ratePerSecond\": 0.01}", "ratePerSecond must be a number of at least 0.1");
        refused.put("{\"dirtyFraction\": 1.5}", "dirtyFraction must be between 0 and 1");
        refused.put("{\"generate\": false, \"events\": 10}", "not allowed with generate=false");
        refused.put("{\"trigger\": \"schedule\"}", "trigger must be 'api' or 'manual'");
        refused.put("{\"event\": 10}", "event: unknown field");
        refused.put("{\"events\": \"many\"}", "malformed or mistyped JSON");
        refused.put("{\"events\": ", "malformed or mistyped JSON");
        refused.forEach((body, detail) -> {
            RunApi.Answer answer = api.post("/api/pipelines/urban-sensors/runs", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
            assertThat(answer.body().get("detail").asText()).as(body).contains(detail);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pipeline_run", Long.class)).isEqualTo(runsBefore);

        for (String query : List.of("state=finished", "size=0", "size=101", "page=-1", "page=first")) {
            RunApi.Answer answer = api.get("/api/pipelines/urban-sensors/runs?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
        }
        for (String body : List.of("{}", "{\"paused\": \"maybe\"}", "{\"paused\": true, \"until\": \"tomorrow\"}", "[")) {
            RunApi.Answer answer = api.put("/api/pipelines/urban-sensors/paused", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/pipelines/urban-sensors").body().get("paused").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseASecondActiveRunNamingTheFirstAndCancelIt() {
        RunApi api = api();
        PRODUCER.hold(Topics.URBAN_SENSORS, true);
        long active = api.start("urban-sensors", "{\"events\": 10}");
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.run(active).get("burstId").isNull());

        for (String pipeline : List.of("urban-sensors", "VMI_URBAN_SENSORS_ELT")) {
            RunApi.Answer conflict = api.post("/api/pipelines/" + pipeline + "/runs", "{}");
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.contentType()).startsWith("application/problem+json");
            assertThat(conflict.body().get("activeRunId").asLong()).isEqualTo(active);
            assertThat(conflict.location()).isEqualTo("/api/runs/" + active);
        }
        assertThat(api.get("/api/pipelines/urban-sensors").body().get("activeRunId").asLong()).isEqualTo(active);
        assertThat(api.get("/api/pipelines/urban-sensors/runs?state=running").body().get("content"))
                .extracting(run -> run.get("id").asLong()).containsExactly(active);

        RunApi.Answer cancel = api.post("/api/runs/" + active + "/cancel", null);
        assertThat(cancel.status()).isEqualTo(202);
        awaitState(active, "CANCELLED");
        JsonNode cancelled = api.run(active);
        assertThat(cancelled.get("cancelRequested").asBoolean()).isTrue();
        assertThat(cancelled.get("tasks")).extracting(task -> task.get("state").asText())
                .containsExactly("CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED");
        assertThat(PRODUCER.state(cancelled.get("burstId").asText())).isEqualTo("CANCELLED");

        RunApi.Answer again = api.post("/api/runs/" + active + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).isEqualTo("Run " + active + " has already ended (CANCELLED)");
        RunApi.Answer page = api.get("/api/pipelines/urban-sensors/runs?state=CANCELLED&size=1");
        assertThat(page.body().get("content").get(0).get("id").asLong()).isEqualTo(active);
        assertThat(page.body().get("size").asInt()).isEqualTo(1);
    }

    private long scheduledRuns() {
        return jdbc.queryForObject("SELECT count(*) FROM pipeline_run WHERE run_trigger = 'SCHEDULE'", Long.class);
    }

    private void awaitState(long run, String state) {
        api().awaitState(run, state, RUN_TIMEOUT);
    }

    private static Duration gap(JsonNode earlier, JsonNode later) {
        return Duration.between(Instant.parse(earlier.get("endedAt").asText()), Instant.parse(later.get("startedAt").asText()));
    }


    private static Set<String> ids(List<SpecificRecord> readings) {
        Set<String> ids = new HashSet<>();
        for (SpecificRecord record : readings) {
            UrbanSensorReading reading = (UrbanSensorReading) record;
            ids.add(reading.getSensorId() + "|" + reading.getTs());
        }
        return ids;
    }

    private static void sendPaced(List<KeyValue<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                sends.add(producer.send(new ProducerRecord<>(Topics.URBAN_SENSORS, records.get(i).key, records.get(i).value)));
                if (i % 100 == 99) {
                    producer.flush();
                }
            }
            for (java.util.concurrent.Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
