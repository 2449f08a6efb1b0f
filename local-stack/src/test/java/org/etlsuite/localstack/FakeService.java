package org.etlsuite.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service jar, run as a child JVM by the tests: {@code up <port>} serves
 * {@code /actuator/health} like Spring Boot, and {@code /api/check}, which answers 204 to HTTP Basic with
 * {@code ETL_API_USER} / {@code ETL_API_PASSWORD} of its environment and 401 otherwise; {@code crash} fails at
 * start-up, {@code stubborn <port>} is up but ignores SIGTERM (its shutdown never ends).
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "crash" -> {
                System.out.println("fake service: cannot reach the broker, giving up");
                System.exit(3);
            }
            case "up" -> serve(Integer.parseInt(args[1]));
            case "stubborn" -> {
                CountDownLatch never = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                serve(Integer.parseInt(args[1]));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void serve(int port) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (System.getenv("ETL_API_USER") + ":" + System.getenv("ETL_API_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        server.createContext("/api/check", exchange -> {
            boolean known = System.getenv("ETL_API_PASSWORD") != null
                    && expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(known ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
        System.out.println("fake service: listening on " + port);
        new CountDownLatch(1).await();
    }
}
