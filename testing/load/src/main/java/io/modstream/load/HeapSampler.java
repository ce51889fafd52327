package io.modstream.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a service's memory once a second on a thread of its own: the heap in use, the sum of
 * {@code jvm_memory_used_bytes{area="heap"}} over the heap's pools in its {@code /actuator/prometheus} scrape (what
 * Micrometer reads from the JVM's memory pool beans; no GC is forced), and the process's resident set
 * ({@code VmRSS} in {@code /proc/<pid>/status}, where it exists), which also holds what RocksDB keeps off the heap.
 * Keeps the largest and the latest value of each. A scrape costs the service a few milliseconds of CPU per second.
 */
final class HeapSampler implements AutoCloseable {

    private static final String HEAP_USED = "jvm_memory_used_bytes{";
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final ServiceProcess service;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long maxHeap;
    private volatile long lastHeap;
    private volatile long maxRss;
    private volatile long lastRss;
    private volatile int samples;

    private HeapSampler(ServiceProcess service) {
        this.service = service;
    }

    /** Starts sampling {@code service}, which must have been started. */
    static HeapSampler start(ServiceProcess service) {
        HeapSampler sampler = new HeapSampler(service);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** One sample now, on the caller's thread: a value at a moment that matters (say, just as it became ready). */
    void sampleNow() {
        sample();
    }

    private void sample() {
        long rss = residentBytes(service.pid());
        if (rss > 0) {
            lastRss = rss;
            maxRss = Math.max(maxRss, rss);
        }
        try {
            HttpResponse<String> scrape = http.send(
                    HttpRequest.newBuilder(service.url("/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long heap = scrape.statusCode() == 200 ? heapUsed(scrape.body()) : -1;
            if (heap >= 0) {
                lastHeap = heap;
                maxHeap = Math.max(maxHeap, heap);
                samples++;
            }
        } catch (IOException | RuntimeException notUpYet) {
            // starting, too busy to answer in time, or an unexpected answer: this second has no heap sample
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sum of {@code jvm_memory_used_bytes} over the pools with {@code area="heap"}, or -1 if there are none. */
    static long heapUsed(String scrape) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(HEAP_USED) && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1).trim());
                found = true;
            }
        }
        return found ? (long) sum : -1;
    }

    private static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    long maxHeap() {
        return maxHeap;
    }

    long lastHeap() {
        return lastHeap;
    }

    long maxRss() {
        return maxRss;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "heap used max %.0f MiB, last %.0f MiB (%d samples, 1/s); resident set max %.0f MiB, last %.0f MiB",
                maxHeap / 1048576.0,
                lastHeap / 1048576.0,
                samples,
                maxRss / 1048576.0,
                lastRss / 1048576.0);
    }

    /** Stops sampling; the values stay. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
