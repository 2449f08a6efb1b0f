package org.etlsuite.localstack;

import java.nio.file.Path;
import java.util.Properties;

/** Options for an infrastructure-only stack on free ephemeral ports, never the fixed defaults. */
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
}
