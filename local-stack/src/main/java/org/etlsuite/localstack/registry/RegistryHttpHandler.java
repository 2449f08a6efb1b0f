package org.etlsuite.localstack.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the Confluent Schema Registry REST paths onto {@link SchemaStore} and
 * {@link CompatibilityChecker}, with Confluent's JSON shapes, status codes and error bodies.
 * Paths, methods and media types that Confluent's JAX-RS layer would refuse get the same
 * {@code {"error_code":404,"message":"HTTP 404 Not Found"}} style answers.
 *
 * <p>Every {@code PUT} and {@code DELETE} (compatibility levels, deleting subjects and versions) needs the
 * {@link AdminCredentials}; reads, registrations, look-ups and compatibility checks are open. Request bodies
 * are limited to {@link #MAX_BODY_BYTES}.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    static final String PLAIN_JSON = "application/json";
    /** Confluent's resources also consume this, for clients that send no proper JSON type. */
    private static final String OCTET_STREAM = "application/octet-stream";
    /** A schema is a few kilobytes; a bigger body is refused before it is read, so it cannot fill the heap. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Sent with 401, so that a client knows to retry with HTTP Basic. */
    static final String CHALLENGE = "Basic realm=\"schema-registry\", charset=\"UTF-8\"";

    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);

    private final SchemaStore store;
    private final CompatibilityChecker checker;
    private final AdminCredentials admin;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttpHandler(SchemaStore store, CompatibilityChecker checker, AdminCredentials admin) {
        this.store = store;
        this.checker = checker;
        this.admin = admin;
    }

    private record Request(String method, List<String> path, Map<String, String> query, byte[] body) {

        boolean flag(String name) {
            return "true".equalsIgnoreCase(query.get(name));
        }
    }

    private record Response(int status, byte[] body) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String contentType = V1_JSON;
        Response response;
        try {
            contentType = negotiate(exchange.getRequestHeaders().getFirst("Accept"));
            // before the body is read: a stranger's request costs no more than its headers
            requireAdminToChange(exchange);
            response = route(read(exchange));
        } catch (RegistryException e) {
            response = error(e);
        } catch (RuntimeException e) {
            log.error("Schema Registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = error(new RegistryException(500, 500, "Internal Server Error: " + e));
        }
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", contentType);
            if (response.status() == 401) {
                headers.set("WWW-Authenticate", CHALLENGE);
            }
            if (response.status() == 401 || response.status() == 413) {
                // the body, or its rest, is still on the connection unread: it must not be taken for the next request
                headers.set("Connection", "close");
            }
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    // ---- routing ----

    private Response route(Request r) {
        List<String> p = r.path();
        int n = p.size();
        if (n == 0) {
            // Confluent answers the root with an empty object; tools use it as a liveness probe.
            return on(r, Map.of("GET", () -> ok(json.createObjectNode())));
        }
        switch (p.getFirst()) {
            case "subjects" -> {
                if (n == 1) {
                    return on(r, Map.of("GET", () -> ok(store.subjects(r.flag("deleted"), r.query().get("subjectPrefix")))));
                }
                String subject = p.get(1);
                if (n == 2) {
                    return on(r, Map.of(
                            "POST", () -> lookup(r, subject),
                            "DELETE", () -> ok(store.deleteSubject(subject, r.flag("permanent")))));
                }
                if (!p.get(2).equals("versions")) {
                    break;
                }
                if (n == 3) {
                    return on(r, Map.of(
                            "GET", () -> ok(store.versions(subject, r.flag("deleted"))),
                            "POST", () -> register(r, subject)));
                }
                String version = p.get(3);
                if (n == 4) {
                    return on(r, Map.of(
                            "GET", () -> ok(versionJson(store.version(subject, VersionId.parse(version), r.flag("deleted")))),
                            "DELETE", () -> ok(store.deleteVersion(subject, VersionId.parse(version), r.flag("permanent")))));
                }
                if (n == 5 && p.get(4).equals("schema")) {
                    return on(r, Map.of("GET", () -> raw(store.version(subject, VersionId.parse(version), r.flag("deleted")).schema())));
                }
                if (n == 5 && p.get(4).equals("referencedby")) {
                    // Avro schemas here never reference others, so nothing refers to any version.
                    return on(r, Map.of("GET", () -> {
                        store.version(subject, VersionId.parse(version), r.flag("deleted"));
                        return ok(List.of());
                    }));
                }
            }
            case "schemas" -> {
                if (n == 2 && p.get(1).equals("types")) {
                    return on(r, Map.of("GET", () -> ok(List.of("AVRO"))));
                }
                if (n >= 3 && n <= 4 && p.get(1).equals("ids")) {
                    int id = schemaId(p.get(2));
                    if (n == 3) {
                        return on(r, Map.of("GET", () -> ok(json.createObjectNode().put("schema", schemaById(id)))));
                    }
                    switch (p.get(3)) {
                        case "schema" -> {
                            return on(r, Map.of("GET", () -> raw(schemaById(id))));
                        }
                        case "subjects" -> {
                            return on(r, Map.of("GET", () -> ok(new LinkedHashSet<>(store.usagesOf(id, r.flag("deleted"))
                                    .stream().map(SchemaStore.SchemaVersion::subject).toList()))));
                        }
                        case "versions" -> {
                            return on(r, Map.of("GET", () -> {
                                ArrayNode usages = json.createArrayNode();
                                store.usagesOf(id, r.flag("deleted")).forEach(v ->
                                        usages.addObject().put("subject", v.subject()).put("version", v.version()));
                                return ok(usages);
                            }));
                        }
                        default -> {
                        }
                    }
                }
            }
            case "compatibility" -> {
                if ((n == 4 || n == 5) && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
                    String version = n == 5 ? p.get(4) : null;
                    return on(r, Map.of("POST", () -> compatibility(r, p.get(2), version)));
                }
            }
            case "config" -> {
                if (n == 1) {
                    return on(r, Map.of(
                            "GET", () -> ok(level(store.globalLevel())),
                            "PUT", () -> updateConfig(r, null)));
                }
                if (n == 2) {
                    String subject = p.get(1);
                    return on(r, Map.of(
                            "GET", () -> ok(level(r.flag("defaultToGlobal") ? store.effectiveLevel(subject)
                                    : store.subjectLevel(subject)
                                            .orElseThrow(() -> RegistryException.subjectLevelCompatibilityNotConfigured(subject)))),
                            "PUT", () -> updateConfig(r, subject)));
                }
            }
            case "mode" -> {
                if (n == 1) {
                    // Only READWRITE exists here; some tools read the mode before writing.
                    return on(r, Map.of("GET", () -> ok(json.createObjectNode().put("mode", "READWRITE"))));
                }
            }
            default -> {
            }
        }
        throw RegistryException.http(404, "Not Found");
    }

    private static Response on(Request r, Map<String, Supplier<Response>> byMethod) {
        Supplier<Response> action = byMethod.get(r.method());
        if (action == null) {
            throw RegistryException.http(405, "Method Not Allowed");
        }
        return action.get();
    }

    // ---- endpoints ----

    private Response register(Request r, String subject) {
        ParsedAvroSchema schema = ParsedAvroSchema.parse(schemaText(r), subject);
        int id = store.register(subject, schema, checker);
        return ok(json.createObjectNode().put("id", id));
    }

    private Response lookup(Request r, String subject) {
        ParsedAvroSchema schema = ParsedAvroSchema.parse(schemaText(r), subject);
        return ok(versionJson(store.lookup(subject, schema, r.flag("deleted"))));
    }

    private Response compatibility(Request r, String subject, String version) {
        String text = schemaText(r);
        List<CompatibilityChecker.Existing> targets = version == null
                ? store.liveVersionsNewestFirst(subject)
                : store.compatibilityTargets(subject, VersionId.parse(version));
        ParsedAvroSchema schema = ParsedAvroSchema.parse(text, subject);
        List<String> messages = checker.check(schema, targets, store.effectiveLevel(subject));
        ObjectNode body = json.createObjectNode().put("is_compatible", messages.isEmpty());
        if (r.flag("verbose")) {
            ArrayNode list = body.putArray("messages");
            messages.forEach(list::add);
        }
        return ok(body);
    }

    private Response updateConfig(Request r, String subject) {
        JsonNode body = jsonBody(r);
        JsonNode requested = body.hasNonNull("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        ObjectNode answer = json.createObjectNode();
        if (requested == null || requested.isNull()) {
            // Confluent echoes the request; one without a level changes nothing.
            return ok(answer);
        }
        CompatibilityLevel level = CompatibilityLevel.parse(requested.asText())
                .orElseThrow(RegistryException::invalidCompatibilityLevel);
        if (subject == null) {
            store.setGlobalLevel(level);
        } else {
            store.setSubjectLevel(subject, level);
        }
        return ok(answer.put("compatibility", level.name()));
    }

    private String schemaById(int id) {
        return store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    // ---- request bodies ----

    /** The {@code schema} of a register/lookup/compatibility body; only AVRO without references is supported. */
    private String schemaText(Request r) {
        JsonNode body = jsonBody(r);
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw RegistryException.invalidSchema("Invalid schema type " + type.asText()
                    + " (this development registry supports AVRO only)");
        }
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw RegistryException.invalidSchema("Schema references are not supported by this development registry");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || schema.isNull()) {
            return null;
        }
        if (schema.isContainerNode()) {
            throw RegistryException.unprocessableEntity("Unprocessable Entity: \"schema\" must be a string holding the "
                    + "schema's JSON text, not a JSON " + (schema.isObject() ? "object" : "array"));
        }
        return schema.asText();
    }

    private JsonNode jsonBody(Request r) {
        if (r.body().length == 0) {
            throw RegistryException.malformedJson("Request body is empty: expected a JSON object");
        }
        JsonNode node;
        try {
            node = json.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw RegistryException.malformedJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryException.malformedJson(e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw RegistryException.unprocessableEntity("Unprocessable Entity: the request body must be a JSON object");
        }
        return node;
    }

    // ---- responses ----

    private ObjectNode versionJson(SchemaStore.SchemaVersion v) {
        // Field order and the missing schemaType (AVRO is the default) as Confluent writes them.
        return json.createObjectNode()
                .put("subject", v.subject())
                .put("version", v.version())
                .put("id", v.id())
                .put("schema", v.schema());
    }

    private ObjectNode level(CompatibilityLevel level) {
        return json.createObjectNode().put("compatibilityLevel", level.name());
    }

    private Response ok(Object body) {
        try {
            return new Response(200, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON answer", e);
        }
    }

    private static Response raw(String text) {
        return new Response(200, text.getBytes(StandardCharsets.UTF_8));
    }

    private Response error(RegistryException e) {
        ObjectNode body = json.createObjectNode().put("error_code", e.errorCode()).put("message", e.getMessage());
        return new Response(e.status(), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- HTTP details ----

    private void requireAdminToChange(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if ((method.equals("PUT") || method.equals("DELETE"))
                && !admin.accept(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw RegistryException.unauthorized();
        }
    }

    private Request read(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (declaredLength(exchange) > MAX_BODY_BYTES) {
            throw RegistryException.payloadTooLarge(MAX_BODY_BYTES);
        }
        byte[] body;
        try {
            // a chunked body declares no length: read one byte past the limit to know it is too long
            body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw RegistryException.malformedJson("Cannot read the request body: " + e.getMessage());
        }
        if (body.length > MAX_BODY_BYTES) {
            throw RegistryException.payloadTooLarge(MAX_BODY_BYTES);
        }
        if (body.length > 0) {
            checkContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        return new Request(method, path, query, body);
    }

    /** The Content-Length, or -1 when there is none (a chunked body). */
    private static long declaredLength(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // the HTTP server refuses such a request before it gets here
            return -1;
        }
    }

    private static List<String> segments(String rawPath) {
        String trimmed = rawPath == null ? "" : rawPath.replaceFirst("^/+", "");
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : trimmed.split("/", -1)) {
            if (raw.isEmpty()) {
                throw RegistryException.http(404, "Not Found");
            }
            try {
                // Percent-decoding only: in a path '+' is a literal plus, and subjects may contain one.
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw RegistryException.http(404, "Not Found");
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // an undecodable parameter is ignored, as an unknown one would be
            }
        }
        return query;
    }

    private static void checkContentType(String header) {
        if (header == null || header.isBlank()) {
            return;
        }
        String type = mediaType(header);
        if (!(type.equals(V1_JSON) || type.equals(DEFAULT_JSON) || type.equals(PLAIN_JSON)
                || type.equals(OCTET_STREAM) || type.endsWith("+json"))) {
            throw RegistryException.http(415, "Unsupported Media Type");
        }
    }

    /** Picks the answer's media type from Accept the way Confluent's weights do: v1 first, plain JSON last. */
    private static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return V1_JSON;
        }
        boolean defaultJson = false;
        boolean plainJson = false;
        for (String entry : accept.split(",")) {
            String type = mediaType(entry);
            switch (type) {
                case V1_JSON, "*/*", "application/*" -> {
                    return V1_JSON;
                }
                case DEFAULT_JSON -> defaultJson = true;
                case PLAIN_JSON -> plainJson = true;
                default -> {
                }
            }
        }
        if (defaultJson) {
            return DEFAULT_JSON;
        }
        if (plainJson) {
            return PLAIN_JSON;
        }
        throw RegistryException.http(406, "Not Acceptable");
    }

    private static String mediaType(String headerValue) {
        int semicolon = headerValue.indexOf(';');
        return (semicolon < 0 ? headerValue : headerValue.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // JAX-RS cannot bind a non-numeric path parameter and answers a plain 404.
            throw RegistryException.http(404, "Not Found");
        }
    }
}
