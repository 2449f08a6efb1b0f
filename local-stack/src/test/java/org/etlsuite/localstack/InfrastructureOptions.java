package org.etlsuite.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

/** Options for a stack on free ephemeral ports, never the fixed defaults: infrastructure only, or with the services. */
final class InfrastructureOptions {

    private InfrastructureOptions() {
    }

    static LocalStackOptions onFreePorts(Path data) {
        int[] ports = FreePorts.take(4);
        return LocalStackOptions.parse(new String[] {
                "--no-services",
                "--data-dir=" + data,
                "--kafka-port=" + ports[0],
                "--kafka-controller-port=" + ports[1],
                "--postgres-port=" + ports[2],
                "--registry-port=" + ports[3]}, new Properties());
    }

    /**
     * The whole stack with the packaged service jars; {@code more} adds options, e.g. {@code --connect} (whose port
     * is free too).
     */
    static LocalStackOptions withServicesOnFreePorts(Path data, String... more) {
        int[] ports = FreePorts.take(8);
        // failsafe passes the repository root; an IDE runs the test in the module folder, one level below it
        String servicesDir = System.getProperty(LocalStackOptions.PROPERTY_PREFIX + "services-dir", "..");
        Stream<String> options = Stream.of(
                "--services-dir=" + servicesDir,
                "--data-dir=" + data,
                "--kafka-port=" + ports[0],
                "--kafka-controller-port=" + ports[1],
                "--postgres-port=" + ports[2],
                "--registry-port=" + ports[3],
                "--producer-port=" + ports[4],
                "--transformer-port=" + ports[5],
                "--dashboard-port=" + ports[6],
                "--connect-port=" + ports[7]);
        return LocalStackOptions.parse(Stream.concat(options, Arrays.stream(more)).toArray(String[]::new), new Properties());
    }

    /** The infrastructure of {@code options} alone, on the same ports and data folder, to start services by hand. */
    static LocalStackOptions infrastructureOf(LocalStackOptions options) {
        return LocalStackOptions.parse(new String[] {
                "--no-services",
                "--data-dir=" + options.dataDir(),
                "--kafka-port=" + options.kafkaPort(),
                "--kafka-controller-port=" + options.kafkaControllerPort(),
                "--postgres-port=" + options.postgresPort(),
                "--registry-port=" + options.registryPort()}, new Properties());
    }
}
