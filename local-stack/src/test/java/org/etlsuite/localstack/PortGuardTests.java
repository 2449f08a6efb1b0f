package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortGuardTests {

    @Test
    void shouldNameThePortTheComponentAndTheFlagWhenAPortIsTaken() throws Exception {
        // bound on loopback only, as the broker does: still a clash for the stack
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Map<String, PortGuard.PortOption> ports = new LinkedHashMap<>();
            ports.put("PostgreSQL", new PortGuard.PortOption(FreePorts.one(), "postgres-port"));
            ports.put("Kafka", new PortGuard.PortOption(port, "kafka-port"));

            assertThat(PortGuard.isFree(port)).isFalse();
            assertThatThrownBy(() -> PortGuard.requireFree(ports))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessage("Port " + port + " for Kafka is already in use. Stop whatever listens there "
                            + "(another local stack or docker compose?) or choose another port with --kafka-port=<port>.");
        }
    }

    @Test
    void shouldAcceptPortsNobodyListensOn() {
        int[] free = FreePorts.take(2);
        Map<String, PortGuard.PortOption> ports = Map.of(
                "Kafka", new PortGuard.PortOption(free[0], "kafka-port"),
                "PostgreSQL", new PortGuard.PortOption(free[1], "postgres-port"));

        assertThatCode(() -> PortGuard.requireFree(ports)).doesNotThrowAnyException();
    }
}
