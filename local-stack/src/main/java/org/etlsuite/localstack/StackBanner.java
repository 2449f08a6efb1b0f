package org.etlsuite.localstack;

import java.nio.file.Path;

/** The text printed once the stack is up: where everything answers and how to get data flowing. */
public final class StackBanner {

    private StackBanner() {
    }

    public static String render(LocalStackOptions options) {
        StackEndpoints endpoints = StackEndpoints.of(options);
        StackDirectories dirs = options.directories();
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator());
        text.append("  ETL suite local stack is up").append(System.lineSeparator());
        text.append(System.lineSeparator());
        if (options.startServices()) {
            line(text, "Dashboard", endpoints.dashboardUrl() + "/");
            line(text, "Pipeline runs", endpoints.dashboardUrl() + "/runs");
            line(text, "Producer API", endpoints.producerUrl() + "/api/streams/urban-sensors/bursts");
            line(text, "Transformer", endpoints.transformerUrl() + "/actuator/health");
            line(text, "Run API", endpoints.transformerUrl() + "/api/pipelines");
        }
        line(text, "Schema Registry", endpoints.registryUrl() + "/subjects");
        line(text, "Kafka bootstrap", endpoints.kafkaBootstrapServers());
        line(text, "PostgreSQL", endpoints.jdbcUrl() + "  (user " + endpoints.jdbcUser() + ", password "
                + endpoints.jdbcPassword() + ")");
        line(text, "Data folder", dirs.dataDir().toString());
        line(text, "Logs", dirs.logsDir().toString());
        text.append(System.lineSeparator());
        if (options.startServices()) {
            text.append("  Send a burst of 10,000 urban-sensor events:").append(System.lineSeparator());
            text.append("    curl -X POST localhost:").append(options.producerPort())
                    .append("/api/streams/urban-sensors/bursts -H 'Content-Type: application/json' -d '{\"events\":10000}'")
                    .append(System.lineSeparator());
            text.append("  then watch ").append(relative(dirs.dataDir().resolve("processed")
                            .resolve("urban_sensors_processed_aggregated.csv")))
                    .append(" and the dashboard.").append(System.lineSeparator());
            text.append("  Or run a pipeline (burst, processing, raw and processed files, history):").append(System.lineSeparator());
            text.append("    curl -X POST localhost:").append(options.transformerPort())
                    .append("/api/pipelines/urban-sensors/runs -H 'Content-Type: application/json' -d '{\"events\":5000}'")
                    .append(System.lineSeparator());
        } else {
            text.append("  Services not started (--no-services).").append(System.lineSeparator());
        }
        text.append(System.lineSeparator());
        text.append("  Press Ctrl-C to stop everything.").append(System.lineSeparator());
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-16s %s%n", label, value));
    }

    private static String relative(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
