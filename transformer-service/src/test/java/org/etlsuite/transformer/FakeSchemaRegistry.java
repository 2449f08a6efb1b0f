package org.etlsuite.transformer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.etlsuite.events.urban.UrbanSensorReading;

/**
 * A Schema Registry over real HTTP that fails on demand. While up it serves
 * {@code GET /schemas/ids/{id}} with the urban reading schema for every id and registers any schema
 * ({@code POST /subjects/{subject}/versions}, the processed topic's) under id 1000. {@link #down()}
 * makes it answer 503 to everything; {@link #answerSchemasWith} makes the schema lookups answer with
 * the given status and body (HTTP 200 and garbage: a broken registry or proxy) while registrations
 * still work.
 */
public final class FakeSchemaRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNAVAILABLE = "{\"error_code\":50003,\"message\":\"Error while forwarding the request to the leader\"}";

    private sealed interface Mode {
    }

    private record Up() implements Mode {
    }

    private record Down() implements Mode {
    }

    private record Fixed(int status, String body) implements Mode {
    }

    private final HttpServer server;
    private final AtomicReference<Mode> mode = new AtomicReference<>(new Up());
    private final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();

    private FakeSchemaRegistry(HttpServer server) {
        this.server = server;
    }

    public static FakeSchemaRegistry start() {
        try {
            FakeSchemaRegistry registry = new FakeSchemaRegistry(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            registry.server.createContext("/schemas/ids/", registry::answer);
            registry.server.createContext("/subjects/", registry::register);
            registry.server.start();
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Schema Registry", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void down() {
        mode.set(new Down());
    }

    public void answerSchemasWith(String body) {
        answerSchemasWith(200, body);
    }

    public void answerSchemasWith(int status, String body) {
        mode.set(new Fixed(status, body));
    }

    public int requestsForSchema(int id) {
        AtomicInteger count = requests.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void register(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (mode.get() instanceof Down) {
            respond(exchange, 503, UNAVAILABLE);
        } else {
            respond(exchange, 200, "{\"id\":1000}");
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        int id = Integer.parseInt(exchange.getRequestURI().getPath().substring("/schemas/ids/".length()));
        requests.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        switch (mode.get()) {
            case Up up -> respond(exchange, 200, JSON.writeValueAsString(Map.of("schema", UrbanSensorReading.getClassSchema().toString())));
            case Down down -> respond(exchange, 503, UNAVAILABLE);
            case Fixed fixed -> respond(exchange, fixed.status(), fixed.body());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
