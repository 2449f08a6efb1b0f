package org.etlsuite.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Map;

/**
 * Checks the sockets before anything starts: a taken port found up front gives one clear message, where the
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
            if (!isFree(port.address(), port.port())) {
                throw new LocalStackException("Port " + port.port() + " for " + component + " is already in use. "
                        + "Stop whatever listens there (another local stack or docker compose?) "
                        + "or choose another port with --" + port.flag() + "=<port>.");
            }
        });
    }

    /**
     * @throws LocalStackException when {@code address} is neither the wildcard address nor one of this machine's,
     *                             which no bind could use
     */
    public static void requireLocal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return;
        }
        try {
            if (NetworkInterface.getByInetAddress(address) != null) {
                return;
            }
        } catch (SocketException e) {
            // no interface list: the bind itself will tell
            return;
        }
        throw new LocalStackException("--" + LocalStackOptions.bindFlag() + "=" + address.getHostAddress()
                + " is not an address of this machine. Use 127.0.0.1 (the default), 0.0.0.0 (every address) "
                + "or an address of one of its network interfaces.");
    }

    /**
     * True when a server socket can be bound to {@code address} and {@code port} right now: the same bind the
     * component will make, so a listener on the wildcard address counts as taken for loopback too, and one on
     * another interface does not.
     */
    public static boolean isFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An address and port, and the command-line option that sets the port. */
    public record PortOption(InetAddress address, int port, String flag) {
    }
}
