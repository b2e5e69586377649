import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator for Kepu's benchmarks, JDK only: N clients each send one request after another
 * for a fixed time, picking URLs round-robin from a file, and the run prints throughput and latency percentiles.
 *
 * Usage: java bench/LoadGen.java URL_FILE CLIENTS SECONDS [LABEL [BASE_URL]]
 * A line that starts with "/" is sent to BASE_URL, so one file serves several targets.
 * Every request must answer 200; anything else is counted as an error and reported.
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        String base = args.length > 4 ? args[4] : "";
        List<String> urls = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[0])).stream()
                .filter(line -> !line.isBlank()).map(line -> line.startsWith("/") ? base + line : line).toList();
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String label = args.length > 3 ? args[3] : args[0];

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                int next = ThreadLocalRandom.current().nextInt(urls.size());
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(next++ % urls.size())))
                            .timeout(Duration.ofSeconds(10)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf("%-28s requests=%d errors=%d throughput=%.0f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                label, all.length, errors.get(), all.length / elapsed, pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
