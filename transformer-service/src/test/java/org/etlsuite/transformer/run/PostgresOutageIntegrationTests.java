package org.etlsuite.transformer.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.etlsuite.transformer.TestCredentials;
import org.etlsuite.model.Topics;
import org.etlsuite.transformer.ExactlyOnceEmbeddedKafka;
import org.etlsuite.transformer.RestartablePostgres;
import org.etlsuite.transformer.run.api.RunApi;
import org.etlsuite.transformer.run.step.FakeProducer;
import org.etlsuite.transformer.kafkastreams.ApplicationExit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault: PostgreSQL stops while runs execute, schedules fire and KPI files are exported, and starts again
 * (same port, same cluster) after {@code -Detl.fault.postgres.outage-seconds} (default 12 here; the
 * documented full-size run stops it for 60). The whole service against a real broker and a real PostgreSQL
 * of the test's own.
 *
 * <p>While it is down: the KPI files keep updating (exports never wait for the database), the API answers
 * 503 problems and changes nothing, health reports the database DOWN. Run B, whose burst completes during the
 * outage, cannot record that; it keeps its thread and goes on when the database answers again (its extract
 * attempt failed with the database error and is retried). Run C, parked in extract throughout, is kept alive:
 * its heartbeats resume. Afterwards a new run succeeds, the schedule fires again, and no run is left active.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=" + PostgresOutageIntegrationTests.REGISTRY,
        "spring.kafka.streams.application-id=postgres-outage-test",
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "etl.export-interval=200ms",
        "etl.export.parquet-interval=1h",
        "etl.topic-partitions=3",
        // the service waits 5 s for a connection before it answers 503; 2 s keeps this test's outage short
        "spring.datasource.hikari.connection-timeout=2000",
        "etl.runs.default-events=10",
        "etl.runs.poll-interval=100ms",
        "etl.runs.heartbeat-interval=500ms",
        "etl.runs.stale-after=3s",
        "etl.runs.await-timeout=2m",
        "etl.runs.pipelines.urban-sensors.retries=3",
        "etl.runs.pipelines.urban-sensors.retry-backoff=1s",
        "etl.runs.pipelines.product-events.retries=0",
        // fires every 2 s from the start: a schedule that has to keep working across the outage
        "etl.runs.pipelines.transportation.cron=*/2 * * * * *",
        "etl.runs.pipelines.transportation.paused=false",
        "etl.runs.pipelines.transportation.retries=3",
        "etl.runs.pipelines.transportation.retry-backoff=1s"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class PostgresOutageIntegrationTests {

    static final String REGISTRY = "mock://postgres-outage";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("etl.fault.postgres.outage-seconds", 12));
    private static final int EVENTS = 100;
    private static final int READINGS_DURING_OUTAGE = 500;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final FakeProducer PRODUCER = FakeProducer.forEmbeddedKafka();
    private static final RunEvents EVENTS_SOURCE = new RunEvents(REGISTRY);
    private static RestartablePostgres postgres;

    @TempDir
    static Path workDir;

    @LocalServerPort
    int port;

    /** Replaced so that a fatal Kafka Streams error fails the test instead of ending the test JVM. */
    @MockitoBean
    ApplicationExit applicationExit;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres().jdbcUrl());
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("etl.data-dir", () -> workDir.resolve("data").toString());
        registry.add("etl.state-dir", () -> workDir.resolve("state").toString());
        registry.add("etl.runs.producer-url", () -> PRODUCER.url().toString());
    }

    private static synchronized RestartablePostgres postgres() {
        if (postgres == null) {
            postgres = RestartablePostgres.started(workDir.resolve("postgres"));
        }
        return postgres;
    }

    @AfterAll
    static void stopAll() {
        PRODUCER.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldKeepExportingAnswer503AndRecoverEveryRunTheScheduleAndTheHeartbeats() throws Exception {
        RunApi api = new RunApi(port);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres().jdbcUrl(), "postgres", "postgres"));
        Path kpis = workDir.resolve("data/processed/urban_sensors_processed_aggregated.csv");
        PRODUCER.content(Topics.URBAN_SENSORS, events -> EVENTS_SOURCE.urban(events).records());
        PRODUCER.content(Topics.PRODUCT_EVENTS, events -> EVENTS_SOURCE.product(events).records());
        PRODUCER.content(Topics.TRANSPORTATION_STATS, events -> EVENTS_SOURCE.transport(events).records());
        RunEvents.Mix mix = RunEvents.Mix.of(EVENTS);

        // before: runs, schedules and exports work
        long first = api.start("urban-sensors", "{\"events\": " + EVENTS + "}");
        api.awaitState(first, "SUCCESS", RUN_TIMEOUT);
        await().atMost(RUN_TIMEOUT).until(() -> scheduledSuccesses(jdbc, Instant.EPOCH) > 0);
        await().atMost(RUN_TIMEOUT).until(() -> readingsIn(kpis) == mix.valid());

        // run B waits in extract for a burst the test releases during the outage; run C waits there throughout
        PRODUCER.hold(Topics.URBAN_SENSORS, true);
        long b = api.start("urban-sensors", "{\"events\": " + EVENTS + "}");
        PRODUCER.hold(Topics.PRODUCT_EVENTS, true);
        long c = api.start("product-events", "{\"events\": 20}");
        await().atMost(RUN_TIMEOUT).until(() -> !api.run(b).get("burstId").isNull() && !api.run(c).get("burstId").isNull());

        // --- PostgreSQL stops
        postgres.stop();
        Instant stopped = Instant.now();

        send(EVENTS_SOURCE.urbanOutsideRuns(READINGS_DURING_OUTAGE));
        await().atMost(RUN_TIMEOUT).until(() -> readingsIn(kpis) == mix.valid() + READINGS_DURING_OUTAGE);
        Duration kpisUpdated = Duration.between(stopped, Instant.now());

        Instant asked = Instant.now();
        RunApi.Answer refused = api.post("/api/pipelines/product-events/runs", "{\"events\": 5}");
        Duration answeredIn = Duration.between(asked, Instant.now());
        assertUnavailable(refused, "/api/pipelines/product-events/runs");
        assertUnavailable(api.get("/api/runs/" + b), "/api/runs/" + b);
        assertUnavailable(api.put("/api/pipelines/transportation/paused", "{\"paused\": true}"), "/api/pipelines/transportation/paused");
        // the details (the components) show only to the API user
        RunApi.Answer health = api.exchange("GET", "/actuator/health", null, null, TestCredentials.authorization());
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("DOWN");
        assertThat(health.body().at("/components/kafkaStreams/status").asText()).isEqualTo("UP");

        // B's burst completes now: its extract cannot record the range and fails, and waits to say so
        PRODUCER.release(Topics.URBAN_SENSORS);
        Duration rest = OUTAGE.minus(Duration.between(stopped, Instant.now()));
        if (!rest.isNegative()) {
            Thread.sleep(rest.toMillis());
        }

        // --- PostgreSQL is back: same port, same cluster
        postgres.start();
        Instant restarted = Instant.now();

        await().atMost(RUN_TIMEOUT).until(() -> heartbeat(jdbc, c).isAfter(restarted));
        Duration heartbeatsBack = Duration.between(restarted, Instant.now());
        api.awaitState(b, "SUCCESS", RUN_TIMEOUT);
        JsonNode runB = api.run(b);
        JsonNode extract = runB.get("tasks").get(0);
        assertThat(extract.get("name").asText()).isEqualTo("extract");
        assertThat(extract.get("attempts").asInt()).as("run B: %s", runB).isEqualTo(2);
        assertThat(extract.get("tries").get(0).get("state").asText()).isEqualTo("FAILED");
        String outageError = extract.get("tries").get(0).get("error").asText();
        assertThat(outageError).as("the database error of the attempt that ran during the outage").contains("Connection");
        assertThat(runB.get("counts").get("processed").asLong()).isEqualTo(mix.valid());
        assertThat(runB.get("counts").get("generated").asLong()).isEqualTo(EVENTS);

        long scheduledBefore = scheduledSuccesses(jdbc, Instant.EPOCH);
        await().atMost(RUN_TIMEOUT).until(() -> scheduledSuccesses(jdbc, restarted) > 0);

        long after = api.start("urban-sensors", "{\"events\": " + EVENTS + "}");
        api.awaitState(after, "SUCCESS", RUN_TIMEOUT);
        assertThat(api.run(after).get("counts").get("processed").asLong()).isEqualTo(mix.valid());
        // four bursts: the first run's, B's two (the one released during the outage, and its retry's) and the last run's
        await().atMost(RUN_TIMEOUT).until(() -> readingsIn(kpis) == 4L * mix.valid() + READINGS_DURING_OUTAGE);

        // C was kept through the outage; it ends as asked, and with the schedule paused nothing is left active
        assertThat(api.state(c)).isEqualTo("RUNNING");
        assertThat(api.post("/api/runs/" + c + "/cancel", null).status()).isEqualTo(202);
        api.awaitState(c, "CANCELLED", RUN_TIMEOUT);
        assertThat(api.put("/api/pipelines/transportation/paused", "{\"paused\": true}").status()).isEqualTo(200);
        await().atMost(RUN_TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pipeline_run WHERE state IN ('QUEUED', 'RUNNING')", Long.class) == 0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pipeline_run WHERE state = 'FAILED' AND error IS NULL", Long.class))
                .as("every failed run says why").isZero();
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);

        System.out.printf("postgres outage: down %d s; KPI file updated with %d readings %d ms into it; a refused run answered 503 "
                        + "in %d ms; heartbeats back %d ms after restart; run B retried its extract after '%s' and succeeded; "
                        + "%d scheduled runs succeeded in all%n", Duration.between(stopped, restarted).toSeconds(), READINGS_DURING_OUTAGE,
                kpisUpdated.toMillis(), answeredIn.toMillis(), heartbeatsBack.toMillis(), outageError,
                scheduledSuccesses(jdbc, Instant.EPOCH));
        assertThat(scheduledBefore).isPositive();
    }

    private static void assertUnavailable(RunApi.Answer answer, String instance) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("title").asText()).isEqualTo("Database unavailable");
        assertThat(answer.body().get("detail").asText()).startsWith("PostgreSQL, which holds the pipelines' schedules and run history, "
                + "cannot be reached (");
        assertThat(answer.body().get("instance").asText()).isEqualTo(instance);
    }

    private static long scheduledSuccesses(JdbcTemplate jdbc, Instant queuedAfter) {
        return jdbc.queryForObject("SELECT count(*) FROM pipeline_run WHERE run_trigger = 'SCHEDULE' AND state = 'SUCCESS' AND queued_at > ?",
                Long.class, Timestamp.from(queuedAfter));
    }

    private static Instant heartbeat(JdbcTemplate jdbc, long run) {
        Timestamp at = jdbc.queryForObject("SELECT heartbeat_at FROM pipeline_run WHERE id = ?", Timestamp.class, run);
        return at == null ? Instant.EPOCH : at.toInstant();
    }

    /** Sum of the readings column of the urban KPI file (0 while it is missing). */
    private static long readingsIn(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return 0;
        }
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .mapToLong(line -> Long.parseLong(line.split(",", -1)[3])).sum();
    }

    private static void send(List<KeyValue<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<?>> sends = new ArrayList<>();
            for (KeyValue<String, byte[]> record : records) {
                sends.add(producer.send(new ProducerRecord<>(Topics.URBAN_SENSORS, record.key, record.value)));
            }
            for (Future<?> sent : sends) {
                sent.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
