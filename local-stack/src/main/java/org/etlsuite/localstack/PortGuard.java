package org.etlsuite.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Checks the ports before anything starts: a taken port found up front gives one clear message, where the
 * same clash found half-way would leave a broker or a database running and a confusing bind error in a log.
 */
public final class PortGuard {

    private PortGuard() {
    }

    /**
     * @param portsByComponent what will listen on each port, for the message (e.g. {@code "Kafka" -> 9092})
     * @throws LocalStackException naming the first taken port, its component and the flag that moves it
     */
    public static void requireFree(Map<String, PortOption> portsByComponent) {
        portsByComponent.forEach((component, port) -> {
            if (!isFree(port.port())) {
                throw new LocalStackException("Port " + port.port() + " for " + component + " is already in use. "
                        + "Stop whatever listens there (another local stack or docker compose?) "
                        + "or choose another port with --" + port.flag() + "=<port>.");
            }
        });
    }

    /** True when nothing listens on the port on any local address. */
    public static boolean isFree(int port) {
        // Binding the wildcard address fails when any address of this machine already uses the port.
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port and the command-line option that sets it. */
    public record PortOption(int port, String flag) {
    }
}
