package org.etlsuite.model.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the Confluent Schema Registry REST API over HTTP. The base URL may carry a path
 * (some registries serve the API under {@code /apis/ccompat/v7}). Connection failures and 5xx
 * answers are retried with exponential backoff; Confluent error bodies become
 * {@link SchemaRegistryException}s that keep the {@code error_code}.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final RetryPolicy retry;
    private final HttpClient http;

    /** How often and how patiently to retry a request that failed to connect or got a 5xx. */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {
        public static final RetryPolicy DEFAULT =
                new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10));

        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
        }
    }

    public HttpSchemaRegistryClient(String baseUrl) {
        this(baseUrl, null, RetryPolicy.DEFAULT);
    }

    /**
     * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or {@code null}
     */
    public HttpSchemaRegistryClient(String baseUrl, String basicAuthUserInfo, RetryPolicy retry) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Schema Registry URL is missing (set schema.registry.url)");
        }
        URI uri = URI.create(baseUrl.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Schema Registry URL must be http(s) or mock://, was: " + baseUrl);
        }
        this.baseUrl = baseUrl.trim().replaceAll("/+$", "");
        this.authorization = basicAuthUserInfo == null || basicAuthUserInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(retry.requestTimeout()).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
    }

    @Override
    public SchemaMetadata lookup(String subject, Schema schema) {
        return metadata(send("POST", "/subjects/" + encode(subject), schemaBody(schema)));
    }

    @Override
    public Schema getSchemaById(int id) {
        JsonNode body = send("GET", "/schemas/ids/" + id, null);
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    @Override
    public SchemaMetadata getLatestVersion(String subject) {
        return metadata(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
    }

    @Override
    public SchemaMetadata getVersion(String subject, int version) {
        return metadata(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
    }

    @Override
    public List<Integer> getVersions(String subject) {
        List<Integer> versions = new ArrayList<>();
        send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    @Override
    public List<String> getSubjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    @Override
    public boolean testCompatibility(String subject, String version, Schema schema) {
        return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/" + encode(version), schemaBody(schema))
                .get("is_compatible").asBoolean();
    }

    @Override
    public String getCompatibility() {
        return send("GET", "/config", null).get("compatibilityLevel").asText();
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(retry.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        Duration backoff = retry.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            String failure;
            Exception cause = null;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status < 300) {
                    return parse(response.body(), method, path);
                }
                if (status < 500) {
                    throw error(method, path, status, response.body());
                }
                failure = "HTTP " + status + " " + response.body();
                if (attempt >= retry.maxAttempts()) {
                    throw error(method, path, status, response.body());
                }
            } catch (IOException e) {
                failure = e.toString();
                cause = e;
                if (attempt >= retry.maxAttempts()) {
                    throw new SchemaRegistryException("Schema Registry at " + baseUrl + " unreachable after " + attempt
                            + " attempts (" + method + " " + path + "): " + e, 0, 0, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling Schema Registry " + method + " " + path, 0, 0, e);
            }
            log.debug("Schema Registry {} {} failed (attempt {}/{}): {}; retrying in {} ms",
                    method, path, attempt, retry.maxAttempts(), failure, backoff.toMillis(), cause);
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
        }
    }

    private SchemaRegistryException error(String method, String path, int status, String body) {
        int code = status;
        String message = body;
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.has("error_code")) {
                code = json.get("error_code").asInt();
                message = json.path("message").asText(body);
            }
        } catch (JsonProcessingException ignored) {
            // not a Confluent error body (a proxy's HTML page, say): keep the raw text
        }
        return new SchemaRegistryException(describe(code, message) + " (" + method + " " + baseUrl + path + ", HTTP " + status + ")",
                status, code);
    }

    private static String describe(int code, String message) {
        String what = switch (code) {
            case SchemaRegistryException.SUBJECT_NOT_FOUND -> "Subject not found";
            case SchemaRegistryException.VERSION_NOT_FOUND -> "Version not found";
            case SchemaRegistryException.SCHEMA_NOT_FOUND -> "Schema not found";
            case SchemaRegistryException.INCOMPATIBLE_SCHEMA -> "Schema is incompatible with the subject's compatibility level";
            case SchemaRegistryException.INVALID_SCHEMA -> "Invalid schema";
            case SchemaRegistryException.INVALID_VERSION -> "Invalid version";
            case 401 -> "Unauthorized: check basic.auth.user.info";
            case 403 -> "Forbidden";
            default -> "Schema Registry error " + code;
        };
        return what + ": " + message;
    }

    private static JsonNode parse(String body, String method, String path) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException("Schema Registry answered " + method + " " + path + " with a body that is not JSON: "
                    + body, 200, 0, e);
        }
    }

    private static SchemaMetadata metadata(JsonNode node) {
        return new SchemaMetadata(node.path("subject").asText(), node.path("version").asInt(), node.path("id").asInt(),
                node.path("schema").asText());
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting to retry the Schema Registry", 0, 0, e);
        }
    }

    /** Builds a client from Kafka-style configs ({@code schema.registry.url}, {@code basic.auth.user.info}). */
    public static SchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        Object url = configs.get(SchemaRegistryClients.URL_CONFIG);
        Object userInfo = configs.get(SchemaRegistryClients.BASIC_AUTH_USER_INFO_CONFIG);
        return new HttpSchemaRegistryClient(url == null ? null : url.toString().split(",")[0],
                userInfo == null ? null : userInfo.toString(), RetryPolicy.DEFAULT);
    }
}
