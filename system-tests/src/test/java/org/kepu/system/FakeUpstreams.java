package org.kepu.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Broken services for the gateway to meet, on plain sockets: they misbehave in ways a real service rarely will on cue. */
final class FakeUpstreams {

    private static final List<Socket> HELD = new ArrayList<>();

    private FakeUpstreams() {
    }

    /** Accepts connections and never answers: a service that hangs, as the gateway's timeout must handle it. */
    static void hanging(int port) throws IOException {
        serve(port, "hanging-upstream", socket -> {
            synchronized (HELD) {
                HELD.add(socket);
            }
        });
    }

    /**
     * Answers one request per connection, keeps the connection open as if for more, then closes it without a word
     * when the next request comes: what a gateway meets when a service drops an idle keep-alive connection just as
     * the gateway reuses it.
     */
    static void oneAnswerPerConnection(int port) throws IOException {
        serve(port, "one-answer-upstream", socket -> {
            Thread connection = new Thread(() -> answerOnce(socket), "one-answer-connection");
            connection.setDaemon(true);
            connection.start();
        });
    }

    /**
     * Answers every request, on connections kept alive, after a pause: requests that arrive together need a
     * connection each, or must wait for one. Returns the count of connections it has accepted so far.
     */
    static AtomicInteger slow(int port, long pauseMillis) throws IOException {
        AtomicInteger connections = new AtomicInteger();
        serve(port, "slow-upstream", socket -> {
            connections.incrementAndGet();
            Thread connection = new Thread(() -> answerEach(socket, pauseMillis), "slow-connection");
            connection.setDaemon(true);
            connection.start();
        });
        return connections;
    }

    private static void serve(int port, String name, Consumer<Socket> connected) throws IOException {
        ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    connected.accept(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void answerOnce(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            readHead(in);
            answerOk(socket.getOutputStream());
            readHead(in); // the next request on this connection is never answered
        } catch (IOException e) {
            // the gateway closed first: nothing to do
        }
    }

    private static void answerEach(Socket socket, long pauseMillis) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            while (readHead(in)) {
                Thread.sleep(pauseMillis);
                answerOk(socket.getOutputStream());
            }
        } catch (IOException | InterruptedException e) {
            // the gateway closed the connection: nothing to do
        }
    }

    private static void answerOk(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one request head; false when the connection closed instead. */
    private static boolean readHead(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return false;
        }
        while (line != null && !line.isEmpty()) {
            line = in.readLine(); // headers; the tests send no bodies here
        }
        return true;
    }
}
