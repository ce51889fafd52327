package io.modstream.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * GETs at a fixed rate, open loop, over a fixed number of keep-alive HTTP/1.1 connections, as {@link CommentPoster}
 * posts: request i is due at {@code i / rate} seconds after the start and goes out on the first free connection (one
 * {@link HttpClient} per connection, at most one request in flight on each).
 *
 * <p>Each request's latency is counted from when it was <em>due</em>, not from when it went out, so a slow answer
 * that holds up the requests behind it is charged to them too (no coordinated omission): with every connection busy,
 * the wait for one is part of the figure. A request fails if it is not answered 200 within 10 s; its latency is
 * still counted.
 */
final class FixedRateReader implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long LATE_NANOS = Duration.ofMillis(10).toNanos();
    private static final int FAILURE_SAMPLES = 5;
    /** How long past its planned end a run may go on sending before the requests left are given up. */
    private static final Duration OVERRUN = Duration.ofSeconds(10);

    private final String authorization;
    private final Connections free;
    private final ExecutorService executor;

    /**
     * The outcome of one {@link #read} run.
     *
     * @param requests requests sent
     * @param unsent requests never sent: the service answered so slowly that the run went on 10 s past its planned end
     *     with requests still due, and they were given up
     * @param failed requests not answered 200 (an error status, a timeout, a refused connection)
     * @param failures the first few failures, for the report
     * @param late requests that went out more than 10 ms after they were due
     * @param spanSeconds from the first request's start to the last one's
     * @param latency from each request's due time to its answer
     */
    record Result(
            int requests,
            int unsent,
            int failed,
            List<String> failures,
            int late,
            double spanSeconds,
            Percentiles latency) {

        double achievedRate() {
            return requests < 2 ? 0 : (requests - 1) / Math.max(1e-9, spanSeconds);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%,d GETs over %.1f s (%,.1f/s), %,d late by >10 ms, %,d failed, %,d not sent; latency %s",
                    requests,
                    spanSeconds,
                    achievedRate(),
                    late,
                    failed,
                    unsent,
                    latency.describe());
        }
    }

    FixedRateReader(String apiKey, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("At least one connection, not " + connections);
        }
        this.authorization = "Bearer " + apiKey;
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "fixed-rate-reader");
            thread.setDaemon(true);
            return thread;
        });
        this.free = new Connections(connections, REQUEST_TIMEOUT, executor);
    }

    /**
     * Sends {@code count} GETs, request i to {@code target.apply(i)}, at {@code rate} per second and returns when
     * each has been answered or has failed. Stops sending 10 s after the run's planned end ({@code count / rate}
     * seconds): the requests still due then are counted as not sent, so a service that cannot keep up ends the run
     * instead of stretching it.
     */
    Result read(IntFunction<URI> target, int count, double rate) throws InterruptedException {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        long[] micros = new long[count];
        int late = 0;
        int sentCount = 0;
        long start = System.nanoTime();
        long giveUp = start + (long) (count * 1e9 / rate) + OVERRUN.toNanos();
        long firstStart = 0;
        long lastStart = 0;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            HttpClient client = free.poll(Math.max(0, giveUp - System.nanoTime()));
            if (client == null) {
                break;
            }
            long sent = System.nanoTime();
            sentCount++;
            if (sent - due > LATE_NANOS) {
                late++;
            }
            firstStart = i == 0 ? sent : firstStart;
            lastStart = sent;
            int index = i;
            URI uri = target.apply(i);
            client.sendAsync(request(uri), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        micros[index] = (System.nanoTime() - due) / 1_000;
                        if (error != null || response.statusCode() != 200) {
                            failed.incrementAndGet();
                            if (failures.size() < FAILURE_SAMPLES) {
                                failures.add(uri.getPath() + ": "
                                        + (error != null
                                                ? error.toString()
                                                : response.statusCode() + " "
                                                        + new String(
                                                                response.body(),
                                                                java.nio.charset.StandardCharsets.UTF_8)));
                            }
                        }
                        free.giveBack(client);
                    });
        }
        free.awaitAllBack(REQUEST_TIMEOUT.multipliedBy(2));
        return new Result(
                sentCount,
                count - sentCount,
                failed.get(),
                List.copyOf(failures),
                late,
                (lastStart - firstStart) / 1e9,
                new Percentiles(java.util.Arrays.copyOf(micros, sentCount)));
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
