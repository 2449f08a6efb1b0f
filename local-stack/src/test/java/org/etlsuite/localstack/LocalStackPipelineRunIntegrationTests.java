package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline run through the real services: the transformer asks the real producer for a burst of
 * 5,000 urban readings (5 % dirty) while a continuous urban stream and a product run write at the same
 * time, and the run's files hold exactly the burst's events.
 */
class LocalStackPipelineRunIntegrationTests {

    private static final int EVENTS = 5_000;

    @TempDir
    static Path data;

    static LocalStack stack;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(InfrastructureOptions.withServicesOnFreePorts(data), Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldWriteFilesHoldingExactlyTheRunsEventsWhileOtherStreamsWrite() throws Exception {
        URI producer = stack.endpoints().producerUrl();
        URI transformer = stack.endpoints().transformerUrl();
        // a continuous urban stream writes into the same partitions meanwhile; its event times lie in the past
        // week, so none of its readings can share sensor and millisecond with the burst's (that would be a duplicate)
        assertThat(send("PUT", producer.resolve("/api/streams/urban-sensors/continuous"), "{\"ratePerSecond\": 200, \"backfill\": \"P7D\"}").statusCode())
                .isEqualTo(201);

        HttpResponse<String> accepted = send("POST", transformer.resolve("/api/pipelines/VMI_URBAN_SENSORS_ELT/runs"),
                "{\"events\": " + EVENTS + ", \"ratePerSecond\": 2500, \"dirtyFraction\": 0.05, \"seed\": 42}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        URI run = transformer.resolve(accepted.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> product = send("POST", transformer.resolve("/api/pipelines/product-events/runs"), "{\"events\": 1000}");
        assertThat(product.statusCode()).isEqualTo(202);
        // a second run of a pipeline with an active one is refused, naming the active run
        HttpResponse<String> conflict = send("POST", transformer.resolve("/api/pipelines/urban-sensors/runs"), "{}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(conflict.body()).contains("\"activeRunId\":" + number(accepted.body(), "id"));

        String body = awaitEnd(run);
        awaitEnd(transformer.resolve(product.headers().firstValue("Location").orElseThrow()));
        String continuous = send("GET", producer.resolve("/api/streams/urban-sensors/continuous"), null).body();
        assertThat(continuous).containsPattern("\"acked\":[1-9]");
        send("DELETE", producer.resolve("/api/streams/urban-sensors/continuous"), null);
        assertThat(text(body, "state")).isEqualTo("SUCCESS");

        // the producer's own account of the burst: how many of its events were dirty
        String burst = send("GET", producer.resolve("/api/streams/urban-sensors/bursts/" + text(body, "burstId")), null).body();
        long dirty = number(burst, "dirty");
        assertThat(number(burst, "acked")).isEqualTo(EVENTS);
        assertThat(dirty).isBetween(150L, 350L);
        assertThat(number(body, "generated")).isEqualTo(EVENTS);
        assertThat(number(body, "rejected")).isEqualTo(dirty);
        assertThat(number(body, "duplicates")).isZero();
        assertThat(number(body, "processed")).isEqualTo(EVENTS - dirty);

        List<String> raw = Files.readAllLines(data.resolve(text(body, "raw")));
        assertThat(raw).hasSize(EVENTS + 1);
        List<String> processed = Files.readAllLines(data.resolve(text(body, "processed")));
        assertThat(processed).hasSize((int) (EVENTS - dirty) + 1);
        assertThat(Files.readAllLines(data.resolve("processed/urban_sensors_processed.csv"))).isEqualTo(processed);

        StackEndpoints endpoints = stack.endpoints();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT state, generated, processed, rejected, duplicates, raw_file FROM pipeline_run WHERE id = ?")) {
            statement.setLong(1, number(accepted.body(), "id"));
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("state")).isEqualTo("SUCCESS");
                assertThat(row.getLong("generated")).isEqualTo(EVENTS);
                assertThat(row.getLong("processed")).isEqualTo(EVENTS - dirty);
                assertThat(row.getLong("rejected")).isEqualTo(dirty);
                assertThat(row.getLong("duplicates")).isZero();
                assertThat(row.getString("raw_file")).isEqualTo(text(body, "raw"));
            }
        }
    }

    private static String awaitEnd(URI run) {
        String[] last = new String[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = send("GET", run, null).body();
            String state = text(last[0], "state");
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return last[0];
    }

    private static HttpResponse<String> send(String method, URI uri, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", BasicAuth.of(stack.credentials()))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", field, json).isTrue();
        return matcher.group(1);
    }

    private static long number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", field, json).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
