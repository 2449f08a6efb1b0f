package org.etlsuite.transformer.run.step;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.etlsuite.model.web.ApiCredentials;
import org.etlsuite.transformer.run.RunParameters;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** The producer-service's burst API, as the extract task uses it, with the suite's API credentials. */
class ProducerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RestClient rest;

    ProducerClient(URI baseUrl, ApiCredentials credentials) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
        requests.setReadTimeout(TIMEOUT);
        this.rest = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests)
                // UTF-8, as Spring Security decodes them
                .defaultHeaders(headers -> headers.setBasicAuth(credentials.user(), credentials.password(), StandardCharsets.UTF_8))
                .build();
    }

    /** What the producer says about a burst (the fields the runs need). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Burst(String id, String state, long requested, long sent, long acked, long failed, String error) {

        boolean running() {
            return "RUNNING".equals(state);
        }

        boolean completed() {
            return "COMPLETED".equals(state);
        }
    }

    Burst start(String stream, RunParameters parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (parameters.durationSeconds() != null) {
            body.put("durationSeconds", parameters.durationSeconds());
        } else {
            body.put("events", parameters.events());
        }
        putIfPresent(body, "ratePerSecond", parameters.ratePerSecond());
        putIfPresent(body, "seed", parameters.seed());
        putIfPresent(body, "dirtyFraction", parameters.dirtyFraction());
        return call("start a burst of " + stream, () -> rest.post().uri("/api/streams/{stream}/bursts", stream)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Burst.class));
    }

    Burst get(String stream, String id) {
        return call("read burst " + id, () -> rest.get().uri("/api/streams/{stream}/bursts/{id}", stream, id).retrieve().body(Burst.class));
    }

    /** Cancels the burst if it is still running; a burst that has ended is left as it is. */
    void cancel(String stream, String id) {
        try {
            rest.delete().uri("/api/streams/{stream}/bursts/{id}", stream, id).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != 409 && e.getStatusCode().value() != 404) {
                throw new ProducerException("Cancelling burst " + id + " failed: " + describe(e), e);
            }
        }
    }

    private static <T> T call(String what, Supplier<T> request) {
        try {
            T answer = request.get();
            if (answer == null) {
                throw new ProducerException("The producer answered nothing to: " + what, null);
            }
            return answer;
        } catch (RestClientResponseException e) {
            throw new ProducerException("The producer refused to " + what + ": " + describe(e), e);
        } catch (ResourceAccessException e) {
            throw new ProducerException("The producer cannot be reached to " + what + ": " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    private static String describe(RestClientResponseException e) {
        String body = e.getResponseBodyAsString();
        return e.getStatusCode().value() + (body.isBlank() ? "" : " " + (body.length() > 500 ? body.substring(0, 500) : body));
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    static final class ProducerException extends RuntimeException {
        ProducerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
