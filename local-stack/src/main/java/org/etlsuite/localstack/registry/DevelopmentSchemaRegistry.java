package org.etlsuite.localstack.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Schema Registry for the embedded local stack: the subset of Confluent's REST API that
 * the Avro serdes, our {@code HttpSchemaRegistryClient} and Confluent's client tools use, answering
 * with Confluent's JSON shapes and error codes. It runs on the JDK's HTTP server with no web
 * framework so the launcher can start it in milliseconds, and keeps its state (ids, versions,
 * compatibility levels) in one JSON file so ids stay valid for records already in Kafka across
 * restarts. Only Avro is supported. Docker Compose uses Confluent's real registry instead.
 *
 * <p>Deleting and changing compatibility levels need the {@link AdminCredentials}; request bodies are limited
 * to 1 MiB (a schema is a few kilobytes).
 *
 * <p>Run alone: {@code ETL_API_PASSWORD=... java ... DevelopmentSchemaRegistry [--host=127.0.0.1] [--port=8081]
 * [--state-dir=.local-stack/schema-registry]}, with {@code ETL_API_USER} (default {@code etl}) and
 * {@code ETL_API_PASSWORD} as the admin's credentials.
 */
public final class DevelopmentSchemaRegistry implements AutoCloseable {

    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Path DEFAULT_STATE_DIR = Path.of(".local-stack", "schema-registry");
    private static final String LOCK_FILE = "schema-registry.lock";
    private static final int HTTP_THREADS = 4;

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSchemaRegistry.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path stateFile;
    private boolean closed;

    private DevelopmentSchemaRegistry(HttpServer server, ExecutorService executor, FileChannel lockChannel, FileLock lock,
                                      Path stateFile) {
        this.server = server;
        this.executor = executor;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.stateFile = stateFile;
    }

    /**
     * Loads the state in {@code stateDir} (created if missing) and starts serving.
     *
     * @param host  the address to listen on (an IP literal, or a name resolved once)
     * @param port  0 picks a free port; {@link #port()} tells which
     * @param admin who may delete and change compatibility levels
     * @throws IOException when the port is taken, the state file is unreadable, or another
     *                     registry already uses {@code stateDir}
     */
    public static DevelopmentSchemaRegistry start(String host, int port, Path stateDir, AdminCredentials admin)
            throws IOException {
        Files.createDirectories(stateDir);
        // Two registries writing one state file would hand out the same ids twice.
        FileChannel lockChannel = FileChannel.open(stateDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("Another Schema Registry is already using the state directory " + stateDir);
        }
        ExecutorService executor = null;
        try {
            SchemaStore store = SchemaStore.open(stateDir);
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
            server.setExecutor(executor);
            server.createContext("/", new RegistryHttpHandler(store, new CompatibilityChecker(), admin));
            server.start();
            DevelopmentSchemaRegistry registry = new DevelopmentSchemaRegistry(server, executor, lockChannel, lock, store.file());
            log.info("Development Schema Registry listening on {} (state in {})", registry.url(), store.file());
            return registry;
        } catch (IOException | RuntimeException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /** The port actually bound (useful after starting on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Base URL for {@code schema.registry.url}, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort();
    }

    /** The JSON file holding subjects, versions, ids and compatibility levels. */
    public Path stateFile() {
        return stateFile;
    }

    /** Stops serving and releases the state directory. State is already on disk after every change. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release the Schema Registry state directory lock", e);
        }
        log.info("Development Schema Registry stopped");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            // Daemon: an embedding launcher that forgets close() must still be able to exit.
            thread.setDaemon(true);
            return thread;
        };
    }

    public static void main(String[] args) throws Exception {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        Path stateDir = DEFAULT_STATE_DIR;
        for (String arg : args) {
            if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--state-dir=")) {
                stateDir = Path.of(arg.substring("--state-dir=".length()));
            } else {
                System.err.println("Unknown argument " + arg
                        + ". Usage: DevelopmentSchemaRegistry [--host=127.0.0.1] [--port=8081] [--state-dir=DIR]");
                System.exit(2);
            }
        }
        String password = System.getenv("ETL_API_PASSWORD");
        if (password == null || password.isBlank()) {
            System.err.println("Set ETL_API_PASSWORD (and ETL_API_USER, default etl): deleting subjects and versions "
                    + "and changing compatibility levels need them.");
            System.exit(2);
        }
        String user = System.getenv("ETL_API_USER");
        AdminCredentials admin = new AdminCredentials(user == null || user.isBlank() ? "etl" : user, password);
        DevelopmentSchemaRegistry registry = start(host, port, stateDir, admin);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "schema-registry-shutdown"));
        stopped.await();
    }
}
