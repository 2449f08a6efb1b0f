package org.etlsuite.transformer.run.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.etlsuite.transformer.TestCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** The run API over real HTTP, answers parsed as JSON; reads without credentials, changes as the API user. */
public final class RunApi {

    /**
     * @param challenge the {@code WWW-Authenticate} header, if any
     * @param text      the body as sent (also when it is no JSON)
     */
    public record Answer(int status, String contentType, String location, String challenge, String text, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public RunApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public Answer get(String path) {
        return exchange("GET", path, null, null, null);
    }

    public Answer post(String path, String json) {
        return exchange("POST", path, "application/json", json, TestCredentials.authorization());
    }

    public Answer put(String path, String json) {
        return exchange("PUT", path, "application/json", json, TestCredentials.authorization());
    }

    /** Any request: each of content type, body and {@code Authorization} header is left out when {@code null}. */
    public Answer exchange(String method, String path, String contentType, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** Starts a run and answers its id (the run must be accepted). */
    public long start(String pipeline, String json) {
        Answer answer = post("/api/pipelines/" + pipeline + "/runs", json);
        if (answer.status() != 202) {
            throw new AssertionError("Run of " + pipeline + " not accepted: " + answer);
        }
        return answer.body().get("id").asLong();
    }

    public JsonNode run(long id) {
        return get("/api/runs/" + id).body();
    }

    public String state(long id) {
        return run(id).get("state").asText();
    }

    /** Waits until the run is in {@code state}; fails at once if it ends in another. */
    public void awaitState(long id, String state, Duration timeout) {
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
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body().isBlank() || !contentType.contains("json") ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), contentType, response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body(), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
