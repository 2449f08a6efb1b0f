package org.etlsuite.localstack;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Everything the launcher can be told, with defaults that match the fixed ports of the project
 * (and of the Docker Compose file), so that the plain command needs no option at all.
 *
 * <p>Each option can be given as {@code --name=value} (or {@code --name value}) or as the system property
 * {@code etl.stack.name}; the command line wins.
 */
public record LocalStackOptions(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int registryPort,
        int producerPort,
        int transformerPort,
        int dashboardPort,
        InetAddress bindAddress,
        boolean startServices,
        boolean startConnect,
        int connectPort,
        Path servicesDir,
        Duration startupTimeout,
        List<String> serviceJvmOptions,
        boolean help) {

    public static final String PROPERTY_PREFIX = "etl.stack.";

    /** The options the launcher understands, in the order the usage text lists them. */
    enum Option {
        DATA_DIR("data-dir", "./data", "shared volume; infrastructure state goes to <data-dir>/.stack"),
        KAFKA_PORT("kafka-port", "9092", "Kafka bootstrap (PLAINTEXT) port"),
        KAFKA_CONTROLLER_PORT("kafka-controller-port", "9093", "KRaft controller port"),
        POSTGRES_PORT("postgres-port", "5432", "PostgreSQL port (database, user and password: etl)"),
        REGISTRY_PORT("registry-port", "8081", "Schema Registry port"),
        PRODUCER_PORT("producer-port", "8090", "producer-service HTTP port"),
        TRANSFORMER_PORT("transformer-port", "8091", "transformer-service HTTP port"),
        DASHBOARD_PORT("dashboard-port", "5200", "dashboard-service HTTP port"),
        BIND("bind", "127.0.0.1",
                "address of the services, the registry and Kafka (0.0.0.0: every address); PostgreSQL stays on 127.0.0.1"),
        NO_SERVICES("no-services", "false", "start only Kafka, PostgreSQL and the Schema Registry"),
        CONNECT("connect", "false",
                "also start a Kafka Connect worker with the example FileStreamSink of urban-sensors.processed"),
        CONNECT_PORT("connect-port", "8083", "Kafka Connect REST port (with --connect)"),
        SERVICES_DIR("services-dir", ".",
                "repository root (jars in <module>/target/) or a folder holding the *-exec.jar files"),
        STARTUP_TIMEOUT("startup-timeout", "180", "seconds to wait for each service to report UP"),
        SERVICE_JVM_OPTIONS("service-jvm-options", "-Xmx512m", "JVM options for each service, space separated"),
        HELP("help", "false", "print this text");

        final String flag;
        final String defaultValue;
        final String description;

        Option(String flag, String defaultValue, String description) {
            this.flag = flag;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        boolean isSwitch() {
            return this == NO_SERVICES || this == CONNECT || this == HELP;
        }

        static Option byFlag(String flag) {
            for (Option option : values()) {
                if (option.flag.equals(flag)) {
                    return option;
                }
            }
            return null;
        }
    }

    public static LocalStackOptions defaults() {
        return parse(new String[0], new Properties());
    }

    /**
     * @param args the command line
     * @param systemProperties read for {@code etl.stack.*} values the command line does not give
     * @throws LocalStackException for an unknown option, a malformed value or two components on one port
     */
    public static LocalStackOptions parse(String[] args, Properties systemProperties) {
        Map<Option, String> values = new HashMap<>();
        for (Option option : Option.values()) {
            values.put(option, systemProperties.getProperty(PROPERTY_PREFIX + option.flag, option.defaultValue));
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new LocalStackException("Unexpected argument '" + arg + "'. Run with --help for the options.");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String flag = eq < 0 ? body : body.substring(0, eq);
            Option option = Option.byFlag(flag);
            if (option == null) {
                throw new LocalStackException("Unknown option --" + flag + ". Run with --help for the options.");
            }
            String value;
            if (eq >= 0) {
                value = body.substring(eq + 1);
            } else if (option.isSwitch()) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new LocalStackException("Option --" + flag + " needs a value.");
            }
            values.put(option, value);
        }
        LocalStackOptions options = new LocalStackOptions(
                Path.of(values.get(Option.DATA_DIR)).toAbsolutePath().normalize(),
                port(values, Option.KAFKA_PORT),
                port(values, Option.KAFKA_CONTROLLER_PORT),
                port(values, Option.POSTGRES_PORT),
                port(values, Option.REGISTRY_PORT),
                port(values, Option.PRODUCER_PORT),
                port(values, Option.TRANSFORMER_PORT),
                port(values, Option.DASHBOARD_PORT),
                Addresses.parse(values.get(Option.BIND), Option.BIND.flag),
                !bool(values, Option.NO_SERVICES),
                bool(values, Option.CONNECT),
                port(values, Option.CONNECT_PORT),
                Path.of(values.get(Option.SERVICES_DIR)).toAbsolutePath().normalize(),
                Duration.ofSeconds(positive(values, Option.STARTUP_TIMEOUT)),
                Arrays.stream(values.get(Option.SERVICE_JVM_OPTIONS).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .toList(),
                bool(values, Option.HELP));
        options.requireDistinctPorts();
        return options;
    }

    public StackDirectories directories() {
        return new StackDirectories(dataDir);
    }

    /**
     * The sockets that will be bound, keyed by what binds them; the services and Kafka Connect only when they are
     * started. The
     * Kafka controller and PostgreSQL stay on loopback whatever {@code --bind} says: the controller only talks to
     * the broker in this JVM, and PostgreSQL trusts every local connection (see {@link EmbeddedPostgresServer}).
     */
    public Map<String, PortGuard.PortOption> ports() {
        Map<String, PortGuard.PortOption> ports = new LinkedHashMap<>();
        ports.put("Kafka", new PortGuard.PortOption(bindAddress, kafkaPort, Option.KAFKA_PORT.flag));
        ports.put("the Kafka controller", new PortGuard.PortOption(Addresses.LOOPBACK, kafkaControllerPort,
                Option.KAFKA_CONTROLLER_PORT.flag));
        ports.put("PostgreSQL", new PortGuard.PortOption(Addresses.LOOPBACK, postgresPort, Option.POSTGRES_PORT.flag));
        ports.put("the Schema Registry", new PortGuard.PortOption(bindAddress, registryPort, Option.REGISTRY_PORT.flag));
        if (startServices) {
            ports.put("producer-service", new PortGuard.PortOption(bindAddress, producerPort, Option.PRODUCER_PORT.flag));
            ports.put("transformer-service", new PortGuard.PortOption(bindAddress, transformerPort, Option.TRANSFORMER_PORT.flag));
            ports.put("dashboard-service", new PortGuard.PortOption(bindAddress, dashboardPort, Option.DASHBOARD_PORT.flag));
        }
        if (startConnect) {
            ports.put("Kafka Connect", new PortGuard.PortOption(bindAddress, connectPort, Option.CONNECT_PORT.flag));
        }
        return ports;
    }

    /** The {@code --bind} flag, for messages about the address. */
    static String bindFlag() {
        return Option.BIND.flag;
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Starts Kafka (KRaft), PostgreSQL, the Schema Registry and the three ETL services on this machine.

                Usage: java -jar local-stack/target/local-stack-<version>-exec.jar [options]

                Options (or -Detl.stack.<name>=<value>):
                """);
        for (Option option : Option.values()) {
            String left = option.isSwitch() ? "--" + option.flag : "--" + option.flag + "=<" + option.defaultValue + ">";
            text.append(String.format("  %-42s %s%n", left, option.description));
        }
        return text.toString();
    }

    private void requireDistinctPorts() {
        Map<Integer, List<String>> byPort = ports().entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getValue().port(), LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byPort.forEach((port, users) -> {
            if (users.size() > 1) {
                throw new LocalStackException("Port " + port + " is given to both " + String.join(" and ", users) + ".");
            }
        });
    }

    private static int port(Map<Option, String> values, Option option) {
        int port = integer(values, option);
        if (port < 1 || port > 65535) {
            throw new LocalStackException("--" + option.flag + " must be a port between 1 and 65535, not " + port + ".");
        }
        return port;
    }

    private static int positive(Map<Option, String> values, Option option) {
        int value = integer(values, option);
        if (value < 1) {
            throw new LocalStackException("--" + option.flag + " must be a positive number, not " + value + ".");
        }
        return value;
    }

    private static int integer(Map<Option, String> values, Option option) {
        String value = values.get(option).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LocalStackException("--" + option.flag + " must be a number, not '" + value + "'.");
        }
    }

    private static boolean bool(Map<Option, String> values, Option option) {
        String value = values.get(option).trim();
        if (value.equalsIgnoreCase("true") || value.isEmpty()) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new LocalStackException("--" + option.flag + " takes true or false, not '" + value + "'.");
    }
}
