package org.kepu.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Services for the gateway to meet, on plain sockets: broken ones that misbehave in ways a real service rarely will on
 * cue, and one that records exactly what it received.
 */
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

    /** What a recording upstream received: the request line, the headers as sent, and the body. */
    record Received(String requestLine, List<String> headers, String body) {

        /** The values of a header, matched without regard to case. */
        List<String> header(String name) {
            return headers.stream().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).trim()).toList();
        }
    }

    /**
     * Answers every request 200 on connections kept alive and records what it received, exactly as it arrived, so a
     * test can say what a service behind the gateway sees. Its answers carry a header named in their own
     * {@code Connection} header ({@code X-Upstream-Hop}), which must not reach the client.
     */
    static BlockingQueue<Received> recording(int port) throws IOException {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        serve(port, "recording-upstream", socket -> {
            Thread connection = new Thread(() -> record(socket, received), "recording-connection");
            connection.setDaemon(true);
            connection.start();
        });
        return received;
    }

    private static void record(Socket socket, BlockingQueue<Received> received) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String requestLine;
            while ((requestLine = line(in)) != null) {
                List<String> headers = new ArrayList<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    headers.add(header);
                }
                Received head = new Received(requestLine, headers, "");
                String body;
                if (!head.header("Content-Length").isEmpty()) {
                    body = new String(in.readNBytes(Integer.parseInt(head.header("Content-Length").get(0))),
                            StandardCharsets.UTF_8);
                } else if (head.header("Transfer-Encoding").contains("chunked")) {
                    StringBuilder chunks = new StringBuilder();
                    for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(),
                            16)) {
                        chunks.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                        line(in);
                    }
                    line(in);
                    body = chunks.toString();
                } else {
                    body = "";
                }
                received.add(new Received(requestLine, headers, body));
                socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                        + "Connection: X-Upstream-Hop\r\nX-Upstream-Hop: secret\r\nX-Upstream-End: kept\r\n\r\nok")
                        .getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }
        } catch (IOException | RuntimeException e) {
            // the gateway closed the connection: nothing to do
        }
    }

    /** One CRLF-terminated line, without its end; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
