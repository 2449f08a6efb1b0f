package org.etlsuite.localstack;

import java.net.URI;

/** Where each part of the stack answers, derived from the options (all on localhost). */
public record StackEndpoints(
        String kafkaBootstrapServers,
        URI registryUrl,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        URI producerUrl,
        URI transformerUrl,
        URI dashboardUrl) {

    public static StackEndpoints of(LocalStackOptions options) {
        return new StackEndpoints(
                "localhost:" + options.kafkaPort(),
                http(options.registryPort()),
                "jdbc:postgresql://localhost:" + options.postgresPort() + "/" + EmbeddedPostgresServer.DATABASE,
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD,
                http(options.producerPort()),
                http(options.transformerPort()),
                http(options.dashboardPort()));
    }

    private static URI http(int port) {
        return URI.create("http://localhost:" + port);
    }
}
