package org.etlsuite.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped in a jar, unpacked to the temp folder) whose data directory
 * lives in the data folder and is kept across restarts, with the application's database and role.
 *
 * <p>It listens on 127.0.0.1 only, whatever {@code --bind} says: the cluster is initialised with trust
 * authentication, so any connection could log in as its superuser without a password.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "etl";
    public static final String USER = "etl";
    public static final String PASSWORD = "etl";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server (running initdb only when the directory is new) and creates role and database if missing. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    // exactly the address PortGuard checked (the default 'localhost' is ::1 too)
                    .setServerConfig("listen_addresses", Addresses.LOOPBACK.getHostAddress())
                    // initdb and the first start can be slow on a busy laptop
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new LocalStackException("PostgreSQL did not start on port " + port + " with data directory "
                    + dataDir + ": " + e.getMessage(), e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        try {
            server.createRoleAndDatabase(USER, PASSWORD, DATABASE);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new LocalStackException("Could not create the '" + DATABASE + "' database in PostgreSQL: " + e.getMessage(), e);
        }
        return server;
    }

    private void createRoleAndDatabase(String user, String password, String database) throws SQLException {
        requireIdentifier(user);
        requireIdentifier(database);
        // DDL cannot take bind parameters; the names are constants checked above, the password is quoted.
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                statement.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + database + " owner " + user);
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }

    /** Stops the server with a fast shutdown (pg_ctl -m fast); the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LocalStackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
