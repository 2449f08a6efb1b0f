package org.etlsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP calls of the fault tests to the producer and transformer services. Every such call goes through
 * {@link #send}, which adds the credentials of {@link FaultStack}.
 */
final class ServiceApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZATION = BasicAuth.of(FaultStack.CREDENTIALS);

    private ServiceApi() {
    }

    /** Sends a request with an optional JSON body ({@code null}: none) and answers the response as text. */
    static HttpResponse<String> send(String method, URI uri, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", AUTHORIZATION)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + uri, e);
        }
    }

    /** GETs a JSON resource, which must answer 200. */
    static JsonNode get(URI uri) {
        HttpResponse<String> response = send("GET", uri, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
