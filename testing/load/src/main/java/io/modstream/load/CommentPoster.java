package io.modstream.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts comments to comment-ingest's {@code POST /api/v1/comments} at a fixed rate, open loop, over a fixed number of
 * keep-alive HTTP/1.1 connections: request i is due at {@code i / rate} seconds after the start and goes out on the
 * first connection that is free, and the result keeps that due moment for every accepted comment, so that a latency
 * can be taken from it (counting the time a request waited for a free connection or for the server to read it, which
 * a latency from the server's own stamp leaves out). Each connection is a {@link PlainHttpConnection} with a thread of its own, so at most
 * one request is in flight on each. When every connection is busy the request waits and goes out late, and the rate
 * achieved falls below the rate asked for, which {@link Result#achievedRate()} reports. A request fails if it is not
 * answered 202 with the comment's id, or if the server is silent for 10 s.
 */
final class CommentPoster implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long LATE_NANOS = Duration.ofMillis(10).toNanos();
    private static final int FAILURE_SAMPLES = 5;

    private final JsonMapper json = JsonMapper.builder().build();
    private final ConnectionThreads connections;

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
     * @param dueMicros for each accepted comment id, when its request was due (epoch microseconds)
     */
    record Result(
            List<String> acceptedIds,
            int started,
            int failed,
            List<String> failures,
            int late,
            double spanSeconds,
            Percentiles answered,
            Map<String, Long> dueMicros) {

        /** Requests started per second, between the first start and the last. */
        double achievedRate() {
            return started < 2 ? 0 : (started - 1) / Math.max(1e-9, spanSeconds);
        }
    }

    /** What the connections' threads record for one {@link #post} run. */
    private static final class Run {
        final List<String> accepted;
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger failed = new AtomicInteger();
        final long[] answeredMicros;
        final String[] acceptedIds;
        final CountDownLatch answers;

        Run(int requests) {
            accepted = Collections.synchronizedList(new ArrayList<>(requests));
            answeredMicros = new long[requests];
            acceptedIds = new String[requests];
            answers = new CountDownLatch(requests);
        }

        void answered(int index, long nanos, String acceptedId, String failure) {
            answeredMicros[index] = nanos / 1_000;
            if (acceptedId != null) {
                acceptedIds[index] = acceptedId;
                accepted.add(acceptedId);
            } else if (failed.incrementAndGet() <= FAILURE_SAMPLES) {
                failures.add(failure);
            }
            answers.countDown();
        }
    }

    CommentPoster(URI endpoint, String apiKey, int connections) {
        this.connections = new ConnectionThreads(
                endpoint,
                REQUEST_TIMEOUT,
                connections,
                "comment-poster",
                "Authorization: Bearer " + apiKey,
                "Content-Type: application/json",
                "Accept: application/json");
    }

    /**
     * Sends every body (a JSON request) at {@code rate} per second and returns when each has been answered or has
     * failed; at most {@code bodies.size() / rate} seconds plus the time the last requests take.
     */
    Result post(List<byte[]> bodies, double rate) throws InterruptedException {
        Run run = new Run(bodies.size());
        int late = 0;
        long start = System.nanoTime();
        long startEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long firstStart = 0;
        long lastStart = 0;
        for (int i = 0; i < bodies.size(); i++) {
            long dueAt = start + (long) (i * 1e9 / rate);
            for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            byte[] body = bodies.get(i);
            connections.put(connection -> send(connection, run, index, body));
            long sent = System.nanoTime();
            if (sent - dueAt > LATE_NANOS) {
                late++;
            }
            firstStart = i == 0 ? sent : firstStart;
            lastStart = sent;
        }
        Duration patience = REQUEST_TIMEOUT.multipliedBy(2);
        if (!run.answers.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("A request was neither answered nor timed out within " + patience);
        }
        // The latch's countDown happens-before await's return, so every answered index is visible here.
        Map<String, Long> dueMicros = new HashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            if (run.acceptedIds[i] != null) {
                dueMicros.put(run.acceptedIds[i], startEpochMicros + (long) (i * 1e6 / rate));
            }
        }
        return new Result(
                List.copyOf(run.accepted),
                bodies.size(),
                run.failed.get(),
                List.copyOf(run.failures),
                late,
                (lastStart - firstStart) / 1e9,
                new Percentiles(run.answeredMicros),
                Map.copyOf(dueMicros));
    }

    /** On a connection's thread: posts one body and records its answer, or why there was none. */
    private void send(PlainHttpConnection connection, Run run, int index, byte[] body) {
        long sent = System.nanoTime();
        String id = null;
        String failure;
        try {
            PlainHttpConnection.Response response = connection.post(body);
            id = acceptedId(response);
            failure = response.status() + " " + response.body();
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        }
        run.answered(index, System.nanoTime() - sent, id, failure);
    }

    /** The comment id of a 202 answer ({@code {"id": ..., "status": "PENDING"}}), or null. */
    private String acceptedId(PlainHttpConnection.Response response) {
        if (response.status() != 202) {
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
        connections.close();
    }
}
