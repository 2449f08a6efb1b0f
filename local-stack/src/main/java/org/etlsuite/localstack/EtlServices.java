package org.etlsuite.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * The three ETL services and the properties each needs to find the embedded infrastructure. The API credentials
 * are not among them: they go in the environment ({@link StackCredentials#environment()}).
 */
public final class EtlServices {

    public static final String PRODUCER = "producer-service";
    public static final String TRANSFORMER = "transformer-service";
    public static final String DASHBOARD = "dashboard-service";

    private EtlServices() {
    }

    /**
     * Resolves the jars (failing with a build hint when one is missing) and builds the command lines, in the
     * order the services are started.
     */
    public static List<ServiceDefinition> definitions(LocalStackOptions options) {
        StackEndpoints endpoints = StackEndpoints.of(options);
        StackDirectories dirs = options.directories();

        List<String> transformerArgs = common(options, options.transformerPort(), endpoints, dirs);
        transformerArgs.add("--spring.datasource.url=" + endpoints.jdbcUrl());
        transformerArgs.add("--spring.datasource.username=" + endpoints.jdbcUser());
        transformerArgs.add("--spring.datasource.password=" + endpoints.jdbcPassword());
        // Kafka Streams stores: kept next to the broker's log, so deleting the data folder resets both together
        transformerArgs.add("--etl.state-dir=" + dirs.transformerStateDir());
        // the extract task of a pipeline run asks the producer for its burst
        transformerArgs.add("--etl.runs.producer-url=" + endpoints.producerUrl());

        List<String> dashboardArgs = common(options, options.dashboardPort(), endpoints, dirs);
        // the pipeline runs page reads the transformer's run API
        dashboardArgs.add("--etl.dashboard.transformer-url=" + endpoints.transformerUrl());

        return List.of(
                new ServiceDefinition(TRANSFORMER, ServiceJars.find(options.servicesDir(), TRANSFORMER),
                        endpoints.transformerUrl(), transformerArgs),
                new ServiceDefinition(PRODUCER, ServiceJars.find(options.servicesDir(), PRODUCER),
                        endpoints.producerUrl(), common(options, options.producerPort(), endpoints, dirs)),
                new ServiceDefinition(DASHBOARD, ServiceJars.find(options.servicesDir(), DASHBOARD),
                        endpoints.dashboardUrl(), dashboardArgs));
    }

    private static List<String> common(LocalStackOptions options, int port, StackEndpoints endpoints, StackDirectories dirs) {
        List<String> args = new ArrayList<>();
        args.add("--server.address=" + options.bindAddress().getHostAddress());
        args.add("--server.port=" + port);
        args.add("--etl.data-dir=" + dirs.dataDir());
        args.add("--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers());
        args.add("--spring.kafka.properties.schema.registry.url=" + endpoints.registryUrl());
        return args;
    }
}
