package org.etlsuite.transformer.run.step;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.etlsuite.transformer.TestCredentials;

/**
 * The producer-service's burst API as the runs use it, in the test JVM: a burst sends the records the
 * test supplies for its stream to the real broker, each with the {@code etl.burst-id} header, and is
 * COMPLETED once all are acknowledged. A test can make the next starts of a stream fail (503), or hold
 * a stream's bursts RUNNING until released. Like the real one it refuses (401) every request but a GET
 * without the suite's API credentials ({@link TestCredentials}), so that every run that gets its burst
 * shows that the transformer sends them. The real producer-service is exercised end to end by the
 * local-stack tests.
 */
public final class FakeProducer implements AutoCloseable {

    private static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*(\\d+)");
    private static final Pattern PATH = Pattern.compile("/api/streams/([^/]+)/bursts(?:/([^/]+))?");

    private final HttpServer server;
    private final java.util.function.Supplier<String> bootstrapServers;
    private KafkaProducer<String, byte[]> kafka;
    private final Map<String, IntFunction<List<KeyValue<String, byte[]>>>> content = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Map<String, Long> acked = new ConcurrentHashMap<>();
    /** Bursts started while their stream was held, by id: stream and size, to send on {@link #release}. */
    private final Map<String, Map.Entry<String, Integer>> heldBursts = new ConcurrentHashMap<>();
    private final AtomicInteger starts = new AtomicInteger();

    /** A fake producer for the broker of {@code @EmbeddedKafka}, which starts after the test class's static fields. */
    public static FakeProducer forEmbeddedKafka() {
        try {
            return new FakeProducer(() -> System.getProperty("spring.embedded.kafka.brokers"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @param bootstrapServers asked at the first burst: the broker may start after this server */
    public FakeProducer(java.util.function.Supplier<String> bootstrapServers) throws IOException {
        this.bootstrapServers = bootstrapServers;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/streams/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** What a burst of the stream sends: the records for a burst of the given size. */
    public void content(String stream, IntFunction<List<KeyValue<String, byte[]>>> records) {
        content.put(stream, records);
    }

    public void failNextStarts(String stream, int count) {
        failures.put(stream, new AtomicInteger(count));
    }

    public void hold(String stream, boolean hold) {
        held.put(stream, hold);
    }

    /** Sends the bursts of the stream that were held (and holds no more of them): each ends COMPLETED once acknowledged. */
    public void release(String stream) {
        held.put(stream, false);
        heldBursts.forEach((id, burst) -> {
            if (burst.getKey().equals(stream) && heldBursts.remove(id) != null && "RUNNING".equals(states.get(id))) {
                send(stream, id, burst.getValue());
            }
        });
    }

    /** Every stream answers and sends again. */
    public void reset() {
        failures.clear();
        held.clear();
    }

    public int starts() {
        return starts.get();
    }

    public String state(String burstId) {
        return states.get(burstId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                respond(exchange, 404, "{}");
                return;
            }
            String stream = path.group(1);
            String id = path.group(2);
            if (!"GET".equals(exchange.getRequestMethod())
                    && !TestCredentials.authorization().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // as the real producer: every change needs the suite's API credentials
                respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "POST" -> start(exchange, stream);
                case "GET" -> respond(exchange, states.containsKey(id) ? 200 : 404, view(id));
                case "DELETE" -> {
                    if ("RUNNING".equals(states.get(id))) {
                        states.put(id, "CANCELLED");
                        respond(exchange, 200, view(id));
                    } else {
                        respond(exchange, 409, "{}");
                    }
                }
                default -> respond(exchange, 405, "{}");
            }
        }
    }

    private void start(HttpExchange exchange, String stream) throws IOException {
        starts.incrementAndGet();
        AtomicInteger failing = failures.get(stream);
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
            return;
        }
        Matcher events = EVENTS.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int count = events.find() ? Integer.parseInt(events.group(1)) : 0;
        String id = UUID.randomUUID().toString();
        states.put(id, "RUNNING");
        acked.put(id, 0L);
        if (Boolean.TRUE.equals(held.get(stream))) {
            heldBursts.put(id, Map.entry(stream, count));
        } else {
            send(stream, id, count);
        }
        respond(exchange, 202, view(id));
    }

    private void send(String stream, String id, int count) {
        try {
            KafkaProducer<String, byte[]> kafka = kafka();
            List<java.util.concurrent.Future<?>> sends = new java.util.ArrayList<>();
            for (KeyValue<String, byte[]> record : content.get(stream).apply(count)) {
                ProducerRecord<String, byte[]> send = new ProducerRecord<>(stream, record.key, record.value);
                send.headers().add(new RecordHeader(RunInput.BURST_ID_HEADER, id.getBytes(StandardCharsets.UTF_8)));
                sends.add(kafka.send(send));
            }
            for (java.util.concurrent.Future<?> send : sends) {
                send.get();
                acked.merge(id, 1L, Long::sum);
            }
            states.put(id, "COMPLETED");
        } catch (InterruptedException | ExecutionException e) {
            states.put(id, "FAILED");
        }
    }

    private synchronized KafkaProducer<String, byte[]> kafka() {
        if (kafka == null) {
            kafka = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        return kafka;
    }

    private String view(String id) {
        return "{\"id\":\"" + id + "\",\"state\":\"" + states.get(id) + "\",\"requested\":0,\"sent\":" + acked.get(id)
                + ",\"acked\":" + acked.get(id) + ",\"failed\":0,\"extra\":\"ignored\"}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        synchronized (this) {
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
