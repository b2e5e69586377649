package org.kepu.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Accepts connections and never answers: a service that hangs, as the gateway's timeout must handle it. */
final class HangingUpstream {

    private static final List<Socket> HELD = new ArrayList<>();

    private HangingUpstream() {
    }

    static void start(int port) throws IOException {
        ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    synchronized (HELD) {
                        HELD.add(socket);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "hanging-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
