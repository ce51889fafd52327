package io.modstream.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts comments to comment-ingest's {@code POST /api/v1/comments} at a fixed rate, open loop, over a fixed number of
 * keep-alive HTTP/1.1 connections: request i is due at {@code i / rate} seconds after the start and goes out on the
 * first connection that is free (each connection is one {@link HttpClient} with at most one request in flight, so it
 * keeps one connection open). When every connection is busy the request waits and goes out late, and the rate
 * achieved falls below the rate asked for, which {@link Result#achievedRate()} reports. A request fails if it is not
 * answered 202 with the comment's id within 10 s.
 */
final class CommentPoster implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long LATE_NANOS = Duration.ofMillis(10).toNanos();
    private static final int FAILURE_SAMPLES = 5;

    private final URI endpoint;
    private final String authorization;
    private final Connections free;
    private final ExecutorService executor;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * The outcome of one {@link #post} run.
     *
     * @param acceptedIds the ids of the comments answered 202
     * @param started requests sent
     * @param failed requests not answered 202 with an id (an error status, a timeout, a refused connection)
     * @param failures the first few failures, for the report
     * @param late requests that went out more than 10 ms after they were due
     * @param spanSeconds from the first request's start to the last one's
     * @param answered time from each request's start to its answer
     */
    record Result(
            List<String> acceptedIds,
            int started,
            int failed,
            List<String> failures,
            int late,
            double spanSeconds,
            Percentiles answered) {

        /** Requests started per second, between the first start and the last. */
        double achievedRate() {
            return started < 2 ? 0 : (started - 1) / Math.max(1e-9, spanSeconds);
        }
    }

    CommentPoster(URI endpoint, String apiKey, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("At least one connection, not " + connections);
        }
        this.endpoint = endpoint;
        this.authorization = "Bearer " + apiKey;
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "comment-poster");
            thread.setDaemon(true);
            return thread;
        });
        this.free = new Connections(connections, REQUEST_TIMEOUT, executor);
    }

    /**
     * Sends every body (a JSON request) at {@code rate} per second and returns when each has been answered or has
     * failed; at most {@code bodies.size() / rate} seconds plus the time the last requests take.
     */
    Result post(List<byte[]> bodies, double rate) throws InterruptedException {
        List<String> accepted = Collections.synchronizedList(new ArrayList<>(bodies.size()));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        long[] answeredMicros = new long[bodies.size()];
        int late = 0;
        long start = System.nanoTime();
        long firstStart = 0;
        long lastStart = 0;
        for (int i = 0; i < bodies.size(); i++) {
            long due = start + (long) (i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            HttpClient client = free.take();
            long sent = System.nanoTime();
            if (sent - due > LATE_NANOS) {
                late++;
            }
            firstStart = i == 0 ? sent : firstStart;
            lastStart = sent;
            int index = i;
            client.sendAsync(request(bodies.get(i)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        answeredMicros[index] = (System.nanoTime() - sent) / 1_000;
                        String id = error == null ? acceptedId(response) : null;
                        if (id != null) {
                            accepted.add(id);
                        } else {
                            failed.incrementAndGet();
                            if (failures.size() < FAILURE_SAMPLES) {
                                failures.add(
                                        error != null
                                                ? error.toString()
                                                : response.statusCode() + " " + response.body());
                            }
                        }
                        free.giveBack(client);
                    });
        }
        free.awaitAllBack(REQUEST_TIMEOUT.multipliedBy(2));
        return new Result(
                List.copyOf(accepted),
                bodies.size(),
                failed.get(),
                List.copyOf(failures),
                late,
                (lastStart - firstStart) / 1e9,
                new Percentiles(answeredMicros));
    }

    private HttpRequest request(byte[] body) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** The comment id of a 202 answer ({@code {"id": ..., "status": "PENDING"}}), or null. */
    private String acceptedId(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            return null;
        }
        try {
            String id = json.readTree(response.body()).path("id").asString();
            return id.isEmpty() ? null : id;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String describe(Result result, double rate) {
        return String.format(
                Locale.ROOT,
                "%,d POSTs over %.1f s: %,.1f/s achieved (asked %,.1f/s), %,d late by >10 ms; %,d accepted, %,d failed;"
                        + " answered %s",
                result.started(),
                result.spanSeconds(),
                result.achievedRate(),
                rate,
                result.late(),
                result.acceptedIds().size(),
                result.failed(),
                result.answered().describe());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
