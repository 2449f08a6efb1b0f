package org.etlsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports the OS considers free right now, all different, so tests never use (or collide on) the fixed defaults. */
final class FreePorts {

    private FreePorts() {
    }

    static int[] take(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            // keep all open until each is chosen, so the same port cannot be handed out twice
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    static int one() {
        return take(1)[0];
    }
}
