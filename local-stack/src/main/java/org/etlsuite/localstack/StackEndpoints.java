package org.etlsuite.localstack;

import java.net.URI;

/**
 * Where each part of the stack answers for a client on this machine, derived from the options: the
 * {@code --bind} address (loopback when that is the wildcard address), and loopback for PostgreSQL, which
 * never listens anywhere else.
 */
public record StackEndpoints(
        String kafkaBootstrapServers,
        URI registryUrl,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        URI producerUrl,
        URI transformerUrl,
        URI dashboardUrl,
        URI connectUrl) {

    public static StackEndpoints of(LocalStackOptions options) {
        String host = Addresses.uriHost(Addresses.clientAddress(options.bindAddress()));
        return new StackEndpoints(
                host + ":" + options.kafkaPort(),
                http(host, options.registryPort()),
                "jdbc:postgresql://" + Addresses.uriHost(Addresses.LOOPBACK) + ":" + options.postgresPort() + "/"
                        + EmbeddedPostgresServer.DATABASE,
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD,
                http(host, options.producerPort()),
                http(host, options.transformerPort()),
                http(host, options.dashboardPort()),
                http(host, options.connectPort()));
    }

    private static URI http(String host, int port) {
        return URI.create("http://" + host + ":" + port);
    }
}
