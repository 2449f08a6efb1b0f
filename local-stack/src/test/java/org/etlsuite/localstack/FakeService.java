package org.etlsuite.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service jar, run as a child JVM by the tests: {@code up <port>} serves
 * {@code /actuator/health} like Spring Boot, {@code crash} fails at start-up, {@code stubborn <port>} is up
 * but ignores SIGTERM (its shutdown never ends).
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
            case "up" -> serveHealth(Integer.parseInt(args[1]));
            case "stubborn" -> {
                CountDownLatch never = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                serveHealth(Integer.parseInt(args[1]));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void serveHealth(int port) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake service: listening on " + port);
        new CountDownLatch(1).await();
    }
}
