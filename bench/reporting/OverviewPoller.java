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
 * A dashboard that never stops asking (issue 39's freshness): CLIENTS loops ask the events overview at URL for SECONDS,
 * each writing "receivedMillis,total" to OUT per answer. The bench then reads, for each event fact FactLoad sent, when an
 * overview first counted that many events: the report's freshness, caches included.
 *
 * Usage: java OverviewPoller.java URL SECONDS CLIENTS OUT
 */
public class OverviewPoller {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        long until = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        int clients = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            List<Thread> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread loop = new Thread(() -> {
                    HttpRequest request = HttpRequest.newBuilder(url).build();
                    while (System.currentTimeMillis() < until) {
                        try {
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
