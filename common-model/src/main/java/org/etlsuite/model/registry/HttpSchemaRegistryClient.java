package org.etlsuite.model.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the Confluent Schema Registry REST API over HTTP. The base URL may carry a path
 * (some registries serve the API under {@code /apis/ccompat/v7}). Connection failures and 5xx
 * answers are retried with exponential backoff; Confluent error bodies become
 * {@link SchemaRegistryException}s that keep the {@code error_code}. A success answer is checked
 * against what the API promises (JSON, every field it needs with the right type, a schema that
 * parses): anything else is a broken registry or proxy, a {@link SchemaRegistryException} with the
 * success status, never a value made up from a default.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** The Accept header Confluent's RestService sends: the versioned media type first, plain JSON last. */
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Success bodies: one JSON value and nothing after it. */
    private static final ObjectReader ANSWER = JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** How much of a body an exception message quotes: a proxy's error page can be long. */
    private static final int QUOTED_BODY = 200;

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
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
                throw new IllegalArgumentException("backoff durations must not be negative");
            }
            if (requestTimeout.isZero() || requestTimeout.isNegative()) {
                // HttpRequest.timeout rejects a non-positive duration at call time; fail at construction instead
                throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
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
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Schema Registry URL is not a valid URI: " + baseUrl, e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Schema Registry URL must be http(s)://host[:port][/path] or mock://<scope>, was: "
                    + baseUrl);
        }
        this.baseUrl = baseUrl.trim().replaceAll("/+$", "");
        this.authorization = basicAuthUserInfo == null || basicAuthUserInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
        this.retry = Objects.requireNonNull(retry, "retry");
        // HTTP/1.1 like Confluent's client: the JDK's default (HTTP/2) sends an h2c upgrade with every
        // first request, which some registries and proxies in front of them mishandle on POSTs.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(retry.requestTimeout())
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).integer("id");
    }

    @Override
    public SchemaMetadata lookup(String subject, Schema schema) {
        return metadata(send("POST", "/subjects/" + encode(subject), schemaBody(schema)));
    }

    @Override
    public Schema getSchemaById(int id) {
        Answer answer = send("GET", "/schemas/ids/" + id, null);
        String type = answer.optionalText("schemaType", "AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new UnsupportedSchemaTypeException("Schema id " + id + " is a " + type + " schema, not Avro (" + answer.request()
                    + ")", answer.status(), type);
        }
        String text = answer.text("schema");
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            // the registry parsed every schema it accepted: one that does not parse now comes from a broken registry or proxy
            throw answer.malformed("a schema for id " + id + " that is not valid Avro (" + e.getMessage() + ")", e);
        }
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
        return send("GET", "/subjects/" + encode(subject) + "/versions", null).integers();
    }

    @Override
    public List<String> getSubjects() {
        return send("GET", "/subjects", null).texts();
    }

    @Override
    public boolean testCompatibility(String subject, String version, Schema schema) {
        return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/" + encode(version), schemaBody(schema))
                .bool("is_compatible");
    }

    @Override
    public String getCompatibility() {
        return send("GET", "/config", null).text("compatibilityLevel");
    }

    /** Releases the HTTP client's connections and selector thread. */
    @Override
    public void close() {
        http.close();
    }

    private Answer send(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(retry.requestTimeout())
                .header("Accept", ACCEPT)
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
                if (status >= 200 && status < 300) {
                    return Answer.parse(method + " " + baseUrl + path, status, response.body());
                }
                if (status < 500) {
                    // 4xx (and unexpected 1xx/3xx) will not get better by asking again
                    throw error(method, path, status, response.body(), null);
                }
                failure = "HTTP " + status;
                if (attempt >= retry.maxAttempts()) {
                    throw error(method, path, status, response.body(), "gave up after " + attempts(attempt));
                }
            } catch (IOException e) {
                failure = describe(e);
                cause = e;
                if (attempt >= retry.maxAttempts()) {
                    throw new SchemaRegistryException("Schema Registry at " + baseUrl + " unreachable after " + attempts(attempt)
                            + " (" + method + " " + path + "): " + failure, 0, 0, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling Schema Registry " + method + " " + path, 0, 0, e);
            }
            log.debug("Schema Registry {} {} failed (attempt {}/{}): {}; retrying in {} ms",
                    method, path, attempt, retry.maxAttempts(), failure, backoff.toMillis(), cause);
            sleep(backoff);
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : doubled;
        }
    }

    private static String attempts(int count) {
        return count + (count == 1 ? " attempt" : " attempts");
    }

    /** The JDK's ConnectException often has no message at all, so name the failure ourselves. */
    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused (" + e + ")";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out (" + e.getMessage() + ")";
        }
        return e.toString();
    }

    private SchemaRegistryException error(String method, String path, int status, String body, String note) {
        int code = status;
        String message = body == null || body.isBlank() ? "(empty response body)" : body.strip();
        try {
            JsonNode json = body == null ? null : JSON.readTree(body);
            if (json != null && json.has("error_code")) {
                code = json.get("error_code").asInt(status);
                message = json.path("message").asText(message);
            }
        } catch (JsonProcessingException ignored) {
            // not a Confluent error body (a proxy's HTML page, say): keep the raw text
        }
        return new SchemaRegistryException(describe(code, message) + " (" + method + " " + baseUrl + path + ", HTTP " + status
                + (note == null ? "" : ", " + note) + ")", status, code);
    }

    private static String describe(int code, String message) {
        String what = switch (code) {
            case SchemaRegistryException.SUBJECT_NOT_FOUND -> "Subject not found";
            case SchemaRegistryException.VERSION_NOT_FOUND -> "Version not found";
            case SchemaRegistryException.SCHEMA_NOT_FOUND -> "Schema not found";
            case 40404 -> "Subject was soft-deleted";
            case 40406 -> "Schema version was soft-deleted";
            case SchemaRegistryException.INCOMPATIBLE_SCHEMA -> "Schema is incompatible with the subject's compatibility level";
            case SchemaRegistryException.INVALID_SCHEMA -> "Invalid schema";
            case SchemaRegistryException.INVALID_VERSION -> "Invalid version";
            case 42203 -> "Invalid compatibility level";
            case 42205 -> "Operation not permitted (is the registry or subject in READONLY/IMPORT mode?)";
            case 401 -> "Unauthorized: check basic.auth.user.info";
            case 403 -> "Forbidden: the credentials lack permission for this operation";
            case 404 -> "Not found: is schema.registry.url the registry's API root?";
            case 50001 -> "Schema Registry storage error";
            case 50002 -> "Schema Registry operation timed out";
            case 50003 -> "Schema Registry failed to forward the request to its leader";
            default -> "Schema Registry error " + code;
        };
        return what + ": " + message;
    }

    private static SchemaMetadata metadata(Answer answer) {
        return new SchemaMetadata(answer.text("subject"), answer.integer("version"), answer.integer("id"), answer.text("schema"));
    }

    /**
     * A success answer and the fields the API promises in it. Each accessor insists on the field's
     * JSON type: {@code asInt()} and friends would turn a missing or mistyped field into 0 or "" and
     * let a broken answer pass as a real one.
     *
     * @param request method and URL, for messages
     */
    private record Answer(String request, int status, String rawBody, JsonNode body) {

        static Answer parse(String request, int status, String body) {
            JsonNode json;
            try {
                json = body == null || body.isBlank() ? null : ANSWER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new Answer(request, status, body, null).malformed("a body that is not JSON", e);
            }
            return new Answer(request, status, body, json);
        }

        String text(String field) {
            JsonNode value = field(field);
            if (!value.isTextual()) {
                throw malformed("\"" + field + "\" that is not a string", null);
            }
            return value.asText();
        }

        String optionalText(String field, String absent) {
            JsonNode value = object().get(field);
            return value == null || value.isNull() ? absent : text(field);
        }

        int integer(String field) {
            JsonNode value = field(field);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw malformed("\"" + field + "\" that is not an integer", null);
            }
            return value.intValue();
        }

        boolean bool(String field) {
            JsonNode value = field(field);
            if (!value.isBoolean()) {
                throw malformed("\"" + field + "\" that is not a boolean", null);
            }
            return value.booleanValue();
        }

        List<Integer> integers() {
            List<Integer> values = new ArrayList<>();
            for (JsonNode value : array()) {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw malformed("an array holding " + value + ", not an integer", null);
                }
                values.add(value.intValue());
            }
            return values;
        }

        List<String> texts() {
            List<String> values = new ArrayList<>();
            for (JsonNode value : array()) {
                if (!value.isTextual()) {
                    throw malformed("an array holding " + value + ", not a string", null);
                }
                values.add(value.asText());
            }
            return values;
        }

        private JsonNode field(String field) {
            JsonNode value = object().get(field);
            if (value == null || value.isNull()) {
                throw malformed("no \"" + field + "\"", null);
            }
            return value;
        }

        private JsonNode object() {
            if (body == null || !body.isObject()) {
                throw malformed(body == null ? "an empty body" : "a body that is not a JSON object", null);
            }
            return body;
        }

        private JsonNode array() {
            if (body == null || !body.isArray()) {
                throw malformed(body == null ? "an empty body" : "a body that is not a JSON array", null);
            }
            return body;
        }

        SchemaRegistryException malformed(String what, Throwable cause) {
            String quoted = rawBody == null || rawBody.isBlank() ? "(empty)"
                    : rawBody.length() > QUOTED_BODY ? rawBody.substring(0, QUOTED_BODY) + "..." : rawBody;
            return new SchemaRegistryException("Schema Registry answered " + request + " with HTTP " + status + " but a malformed body: "
                    + what + "; body: " + quoted, status, 0, cause);
        }
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

    /**
     * Builds a client from Kafka-style configs ({@code schema.registry.url}, {@code basic.auth.user.info}, or
     * its older alias {@code schema.registry.basic.auth.user.info}). The URL may be a comma-separated list or a
     * {@link Collection}, as Confluent allows; this client talks to the first entry.
     */
    public static SchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        Object userInfo = configs.get(SchemaRegistryClients.BASIC_AUTH_USER_INFO_CONFIG);
        if (userInfo == null) {
            userInfo = configs.get("schema.registry." + SchemaRegistryClients.BASIC_AUTH_USER_INFO_CONFIG);
        }
        return new HttpSchemaRegistryClient(SchemaRegistryClients.firstUrl(configs.get(SchemaRegistryClients.URL_CONFIG)),
                userInfo == null ? null : userInfo.toString(), RetryPolicy.DEFAULT);
    }
}
