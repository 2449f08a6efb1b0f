package org.etlsuite.transformer.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** The run API over real HTTP, answers parsed as JSON. */
final class RunApi {

    record Answer(int status, String contentType, String location, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RunApi(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Starts a run and answers its id (the run must be accepted). */
    long start(String pipeline, String json) {
        Answer answer = post("/api/pipelines/" + pipeline + "/runs", json);
        if (answer.status() != 202) {
            throw new AssertionError("Run of " + pipeline + " not accepted: " + answer);
        }
        return answer.body().get("id").asLong();
    }

    JsonNode run(long id) {
        return get("/api/runs/" + id).body();
    }

    String state(long id) {
        return run(id).get("state").asText();
    }

    /** Waits until the run is in {@code state}; fails at once if it ends in another. */
    void awaitState(long id, String state, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .failFast("run " + id + " ended in another state", () -> {
                    String now = state(id);
                    return !now.equals(state) && !now.equals("QUEUED") && !now.equals("RUNNING");
                })
                .until(() -> state(id).equals(state));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
