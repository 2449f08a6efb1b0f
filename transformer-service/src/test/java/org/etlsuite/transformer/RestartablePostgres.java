package org.etlsuite.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL of one test's own that can be stopped and started again on the same port and data
 * directory, as a restarted server would be: what an outage test needs. The server of
 * {@link EmbeddedPostgresHolder} is shared by every other test of the JVM and must stay up.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A started server with its cluster in {@code dataDir} (created there on the first start), on a free port. */
    public static RestartablePostgres started(Path dataDir) {
        RestartablePostgres server = new RestartablePostgres(dataDir, freePort());
        server.start();
        return server;
    }

    /** The {@code postgres} database; valid while the server is stopped too, when connecting fails. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server as an operator would (pg_ctl stop, fast: open sessions are ended); the cluster stays. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop PostgreSQL on port " + port, e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
