package org.etlsuite.dashboard.runs;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.model.web.ApiCredentials;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the transformer's run API and controls runs through it (start, cancel, pause or resume a schedule), as the
 * suite's user ({@link ApiCredentials}). Every call is bounded by {@code etl.dashboard.transformer-timeout},
 * once to connect and once to answer, so a transformer that is down or stuck slows the page by
 * seconds, never hangs it. Any failure comes out as a {@link TransformerException} that says what
 * went wrong in words an operator can act on.
 */
@Component
class TransformerClient implements AutoCloseable {

    private static final ParameterizedTypeReference<List<TransformerApi.Pipeline>> PIPELINES = new ParameterizedTypeReference<>() {
    };
    /** Where the transformer says a started run is: {@code /api/runs/{id}}, maybe as an absolute URL. */
    private static final Pattern RUN_LOCATION = Pattern.compile(".*/api/runs/(\\d{1,18})");

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient httpClient;
    private final RestClient http;

    TransformerClient(EtlProperties properties, ApiCredentials credentials) {
        this.baseUrl = properties.dashboard().transformerUrl();
        this.timeout = properties.dashboard().transformerTimeout();
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // plain HTTP/1.1: the JDK's default attempts an h2c upgrade, which buys nothing here
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests)
                // also on reads: the transformer may be configured to need credentials for them (etl.api.open-reads)
                .defaultHeaders(headers -> headers.setBasicAuth(credentials.user(), credentials.password()))
                .build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** {@code GET /api/pipelines}. */
    List<TransformerApi.Pipeline> pipelines() {
        return call("GET", uri("/api/pipelines"), uri -> http.get().uri(uri).retrieve().body(PIPELINES));
    }

    /** The newest {@code size} runs of the pipeline, newest first. */
    TransformerApi.RunPage latestRuns(String pipeline, int size) {
        URI uri = UriComponentsBuilder.fromUri(baseUrl).path("/api/pipelines/{pipeline}/runs").queryParam("size", size)
                .encode().buildAndExpand(pipeline).toUri();
        return call("GET", uri, target -> http.get().uri(target).retrieve().body(TransformerApi.RunPage.class));
    }

    /** {@code GET /api/runs/{id}}: the run with its tasks and their attempts; an unknown one is a 404 failure. */
    TransformerApi.Run run(long id) {
        return call("GET", uri("/api/runs/{id}", id), uri -> http.get().uri(uri).retrieve().body(TransformerApi.Run.class));
    }

    /** {@code POST /api/pipelines/{p}/runs}: the queued run, or why the transformer refused it. */
    TransformerApi.Accepted startRun(String pipeline, RunForm form) {
        URI uri = uri("/api/pipelines/{pipeline}/runs", pipeline);
        ResponseEntity<TransformerApi.Run> answer = call("POST", uri, target -> http.post().uri(target)
                .contentType(MediaType.APPLICATION_JSON).body(form.request()).retrieve().toEntity(TransformerApi.Run.class));
        if (answer.getBody() == null) {
            throw new TransformerException("POST", uri, "answered without a body", true, null, null);
        }
        return new TransformerApi.Accepted(runId(uri, answer.getHeaders().getLocation()), answer.getBody());
    }

    /** {@code PUT /api/pipelines/{p}/paused}: the pipeline as it is now. */
    TransformerApi.Pipeline setPaused(String pipeline, boolean paused) {
        return call("PUT", uri("/api/pipelines/{pipeline}/paused", pipeline), uri -> http.put().uri(uri)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("paused", paused)).retrieve().body(TransformerApi.Pipeline.class));
    }

    /**
     * {@code POST /api/runs/{id}/cancel}: the run as it is now, cancelled if it was queued, still running (cancel
     * requested) if it was running. No body, but a JSON {@code Content-Type}: the transformer refuses any other (415).
     */
    TransformerApi.Run cancelRun(long id) {
        return call("POST", uri("/api/runs/{id}/cancel", id), uri -> http.post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON).retrieve().body(TransformerApi.Run.class));
    }

    private URI uri(String path, Object... variables) {
        return UriComponentsBuilder.fromUri(baseUrl).path(path).encode().buildAndExpand(variables).toUri();
    }

    /** Asks the transformer, turning every failure, and an answer without body, into a {@link TransformerException}. */
    private <T> T call(String method, URI uri, Function<URI, T> request) {
        T answer;
        try {
            answer = request.apply(uri);
        } catch (RestClientException e) {
            throw new TransformerException(method, uri, describe(e, timeout), !(e instanceof ResourceAccessException),
                    e instanceof RestClientResponseException response ? response.getStatusCode() : null, e);
        }
        if (answer == null) {
            throw new TransformerException(method, uri, "answered without a body", true, null, null);
        }
        return answer;
    }

    /** The id at the end of the {@code Location} of a 202, e.g. 23 of "/api/runs/23". */
    private static long runId(URI request, URI location) {
        Matcher run = RUN_LOCATION.matcher(location == null || location.getPath() == null ? "" : location.getPath());
        if (!run.matches()) {
            throw new TransformerException("POST", request, "answered without the Location of the run (" + location + ")", true, null, null);
        }
        return Long.parseLong(run.group(1));
    }

    /** The failure in a few words, e.g. "connection refused" or "answered 500 Internal Server Error: boom". */
    static String describe(RestClientException failure, Duration timeout) {
        if (failure instanceof RestClientResponseException response) {
            return "answered " + status(response) + problemDetail(response);
        }
        if (failure instanceof ResourceAccessException) {
            // the telling exception is often a few causes down, and the JDK wraps the same failure differently
            // depending on the address tried (a refused connection to ::1 then 127.0.0.1 ends in ClosedChannelException)
            boolean connect = false;
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                switch (cause) {
                    case HttpConnectTimeoutException timedOut -> {
                        return "no connection within " + seconds(timeout);
                    }
                    case HttpTimeoutException timedOut -> {
                        return "no answer within " + seconds(timeout);
                    }
                    case UnknownHostException unknown -> {
                        return "unknown host";
                    }
                    case UnresolvedAddressException unresolved -> {
                        return "unknown host";
                    }
                    case ConnectException refused -> connect = true;
                    default -> {
                    }
                }
            }
            return connect ? "connection refused" : "not reachable (" + failure.getMostSpecificCause() + ")";
        }
        // e.g. an HTML page or JSON of another shape where the run API was expected
        return "answered something other than the run API (" + firstLine(failure.getMostSpecificCause().getMessage()) + ")";
    }

    private static String status(RestClientResponseException response) {
        int code = response.getStatusCode().value();
        HttpStatus known = HttpStatus.resolve(code);
        return known == null ? Integer.toString(code) : code + " " + known.getReasonPhrase();
    }

    /** The transformer explains its errors as application/problem+json; its detail is worth showing. */
    private static String problemDetail(RestClientResponseException response) {
        try {
            ProblemDetail problem = response.getResponseBodyAs(ProblemDetail.class);
            return problem == null || problem.getDetail() == null || problem.getDetail().isBlank() ? "" : ": " + problem.getDetail();
        } catch (RuntimeException notProblemJson) {
            return "";
        }
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        httpClient.close();
    }
}
