package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PortGuardTests {

    @Test
    void shouldNameThePortTheComponentAndTheFlagWhenAPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, Addresses.LOOPBACK)) {
            int port = taken.getLocalPort();
            Map<String, PortGuard.PortOption> ports = new LinkedHashMap<>();
            ports.put("PostgreSQL", new PortGuard.PortOption(Addresses.LOOPBACK, FreePorts.one(), "postgres-port"));
            ports.put("Kafka", new PortGuard.PortOption(Addresses.LOOPBACK, port, "kafka-port"));

            assertThat(PortGuard.isFree(Addresses.LOOPBACK, port)).isFalse();
            assertThatThrownBy(() -> PortGuard.requireFree(ports))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessage("Port " + port + " for Kafka is already in use. Stop whatever listens there "
                            + "(another local stack or docker compose?) or choose another port with --kafka-port=<port>.");
        }
    }

    @Test
    void shouldCountAListenerOnEveryAddressAsAClashOnLoopback() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));

            assertThat(PortGuard.isFree(Addresses.LOOPBACK, taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void shouldCheckTheAddressThatIsBoundNotEveryAddress() throws Exception {
        Optional<InetAddress> other = NetworkAddresses.nonLoopbackIpv4();
        assumeTrue(other.isPresent(), "this machine has no address besides loopback");
        try (ServerSocket elsewhere = new ServerSocket(0, 50, other.get())) {
            int port = elsewhere.getLocalPort();

            assertThat(PortGuard.isFree(other.get(), port)).isFalse();
            assertThat(PortGuard.isFree(Addresses.LOOPBACK, port)).isTrue();
        }
    }

    @Test
    void shouldAcceptPortsNobodyListensOn() {
        int[] free = FreePorts.take(2);
        Map<String, PortGuard.PortOption> ports = Map.of(
                "Kafka", new PortGuard.PortOption(Addresses.LOOPBACK, free[0], "kafka-port"),
                "PostgreSQL", new PortGuard.PortOption(Addresses.LOOPBACK, free[1], "postgres-port"));

        assertThatCode(() -> PortGuard.requireFree(ports)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToBindAnAddressThisMachineDoesNotHave() throws Exception {
        // TEST-NET-3, for documentation: no machine has it
        InetAddress foreign = InetAddress.getByName("203.0.113.77");

        assertThatThrownBy(() -> PortGuard.requireLocal(foreign))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("--bind=203.0.113.77 is not an address of this machine. Use 127.0.0.1 (the default), "
                        + "0.0.0.0 (every address) or an address of one of its network interfaces.");
        assertThatCode(() -> PortGuard.requireLocal(InetAddress.getByName("0.0.0.0"))).doesNotThrowAnyException();
        assertThatCode(() -> PortGuard.requireLocal(Addresses.LOOPBACK)).doesNotThrowAnyException();
    }
}
