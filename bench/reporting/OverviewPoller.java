import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dashboards that keep asking (issue 39's freshness): CLIENTS loops ask the events overview at URL for SECONDS, each
 * once every INTERVAL_MS (started evenly apart, so together they ask every INTERVAL_MS / CLIENTS), each writing
 * "receivedMillis,total" to OUT per answer. The bench then reads, for each event fact FactLoad sent, when an overview
 * first counted that many events: the report's freshness, caches included, to within INTERVAL_MS / CLIENTS. Paced
 * rather than as fast as answers come: a cheaper overview must not buy more polls that take the CPU from the consumers
 * whose delay is being measured.
 *
 * Usage: java OverviewPoller.java URL SECONDS CLIENTS OUT [INTERVAL_MS]
 */
public class OverviewPoller {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        long until = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        int clients = Integer.parseInt(args[2]);
        long interval = args.length > 4 ? Long.parseLong(args[4]) : 100;
        HttpClient http = HttpClient.newHttpClient();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            List<Thread> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long offset = interval * c / clients;
                Thread loop = new Thread(() -> {
                    HttpRequest request = HttpRequest.newBuilder(url).build();
                    long next = System.currentTimeMillis() + offset;
                    while (next < until) {
                        try {
                            Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
                            // An answer slower than the interval delays the next ask rather than bunching them up.
                            next = Math.max(next + interval, System.currentTimeMillis());
                            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                            long received = System.currentTimeMillis();
                            Matcher total = TOTAL.matcher(body);
                            if (total.find()) {
                                synchronized (out) {
                                    out.println(received + "," + total.group(1));
                                }
                            }
                        } catch (Exception e) {
                            System.err.println("overview: " + e);
                        }
                    }
                });
                loop.start();
                loops.add(loop);
            }
            for (Thread loop : loops) {
                loop.join();
            }
        }
    }
}
