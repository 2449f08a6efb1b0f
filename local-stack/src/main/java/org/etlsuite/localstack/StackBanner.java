package org.etlsuite.localstack;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The text printed once the stack is up: where everything answers, the API credentials and how to get data flowing. */
public final class StackBanner {

    /** Characters a shell takes literally; anything else is single-quoted in the curl examples. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.,:/@%+=-]+");

    private StackBanner() {
    }

    public static String render(LocalStackOptions options, StackCredentials credentials) {
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
        if (options.startConnect()) {
            line(text, "Kafka Connect", endpoints.connectUrl() + "/connectors");
            line(text, "Connect sink", relative(ExampleConnector.sinkFile(dirs)));
        }
        line(text, "Schema Registry", endpoints.registryUrl() + "/subjects");
        line(text, "Kafka bootstrap", endpoints.kafkaBootstrapServers());
        line(text, "PostgreSQL", endpoints.jdbcUrl() + "  (user " + endpoints.jdbcUser() + ", password "
                + endpoints.jdbcPassword() + ")");
        line(text, "API user", credentials.user());
        line(text, "API password", credentials.password() + "  (" + (credentials.file() == null
                ? "from " + StackCredentials.PASSWORD_VARIABLE
                : "kept in " + credentials.file() + "; " + StackCredentials.PASSWORD_VARIABLE + " overrides it") + ")");
        line(text, "Data folder", dirs.dataDir().toString());
        line(text, "Logs", dirs.logsDir().toString());
        text.append(System.lineSeparator());
        if (options.startServices()) {
            String user = shellWord(credentials.user() + ":" + credentials.password());
            text.append("  Send a burst of 10,000 urban-sensor events:").append(System.lineSeparator());
            text.append("    curl -u ").append(user).append(" -H 'Content-Type: application/json' -d '{\"events\":10000}' ")
                    .append(endpoints.producerUrl()).append("/api/streams/urban-sensors/bursts")
                    .append(System.lineSeparator());
            text.append("  then watch ").append(relative(dirs.dataDir().resolve("processed")
                            .resolve("urban_sensors_processed_aggregated.csv")))
                    .append(" and the dashboard.").append(System.lineSeparator());
            text.append("  Or run a pipeline (burst, processing, raw and processed files, history):").append(System.lineSeparator());
            text.append("    curl -u ").append(user).append(" -H 'Content-Type: application/json' -d '{\"events\":5000}' ")
                    .append(endpoints.transformerUrl()).append("/api/pipelines/urban-sensors/runs")
                    .append(System.lineSeparator());
            text.append(System.lineSeparator());
            text.append("  The services are supervised: one that exits is restarted ")
                    .append(RestartBackoff.STANDARD.describe()).append(".").append(System.lineSeparator());
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

    private static String shellWord(String value) {
        return SHELL_SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static String relative(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
