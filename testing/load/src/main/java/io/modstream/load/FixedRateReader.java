package io.modstream.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * GETs at a fixed rate, open loop, over a fixed number of keep-alive HTTP/1.1 connections, as {@link CommentPoster}
 * posts: request i is due at {@code i / rate} seconds after the start and goes out on the first connection that is
 * free. Each connection is a {@link PlainHttpConnection} with a thread of its own (at most one request in flight on
 * each), opened before the first request: on two shared cores the reader takes CPU from the service it measures,
 * and a blocking socket costs far less of it than {@code java.net.http}'s selector and futures.
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

    private final URI server;
    private final ConnectionThreads connections;

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

    /** What the connections' threads record for one {@link #read} run. */
    private static final class Run {
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger failed = new AtomicInteger();
        final long[] micros;
        final AtomicInteger outstanding = new AtomicInteger();
        final CountDownLatch allAnswered = new CountDownLatch(1);

        Run(int requests) {
            micros = new long[requests];
        }

        void answered(int index, long dueNanos, String failure) {
            micros[index] = (System.nanoTime() - dueNanos) / 1_000;
            if (failure != null && failed.incrementAndGet() <= FAILURE_SAMPLES) {
                failures.add(failure);
            }
            if (outstanding.decrementAndGet() == 0) {
                allAnswered.countDown();
            }
        }
    }

    /**
     * @param server the service's address ({@code http://host:port}); every request of {@link #read} must go there
     * @param apiKey the site key sent with every request
     * @param connections keep-alive connections, each with a thread of its own
     */
    FixedRateReader(URI server, String apiKey, int connections) {
        this.server = server;
        this.connections = new ConnectionThreads(
                server,
                REQUEST_TIMEOUT,
                connections,
                "fixed-rate-reader",
                "Authorization: Bearer " + apiKey,
                "Accept: application/json");
    }

    /**
     * Sends {@code count} GETs, request i to {@code target.apply(i)}, at {@code rate} per second and returns when
     * each has been answered or has failed. Stops sending 10 s after the run's planned end ({@code count / rate}
     * seconds): the requests still due then are counted as not sent, so a service that cannot keep up ends the run
     * instead of stretching it.
     */
    Result read(IntFunction<URI> target, int count, double rate) throws InterruptedException {
        Run run = new Run(count);
        run.outstanding.set(1); // this thread's own share, released once every request is handed out
        int late = 0;
        int sentCount = 0;
        long start = System.nanoTime();
        long giveUp = start + (long) (count * 1e9 / rate) + OVERRUN.toNanos();
        long firstStart = 0;
        long lastStart = 0;
        for (int i = 0; i < count; i++) {
            long dueAt = start + (long) (i * 1e9 / rate);
            for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            run.outstanding.incrementAndGet();
            int index = i;
            String pathAndQuery = pathAndQuery(target.apply(i));
            if (!connections.offer(
                    connection -> get(connection, run, index, pathAndQuery, dueAt),
                    Math.max(0, giveUp - System.nanoTime()))) {
                run.outstanding.decrementAndGet();
                break;
            }
            long sent = System.nanoTime();
            sentCount++;
            if (sent - dueAt > LATE_NANOS) {
                late++;
            }
            firstStart = i == 0 ? sent : firstStart;
            lastStart = sent;
        }
        if (run.outstanding.decrementAndGet() == 0) {
            run.allAnswered.countDown();
        }
        Duration patience = REQUEST_TIMEOUT.multipliedBy(2);
        if (!run.allAnswered.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("A request was neither answered nor timed out within " + patience);
        }
        return new Result(
                sentCount,
                count - sentCount,
                run.failed.get(),
                List.copyOf(run.failures),
                late,
                (lastStart - firstStart) / 1e9,
                new Percentiles(java.util.Arrays.copyOf(run.micros, sentCount)));
    }

    /** The request line's target of {@code uri}, which must be on this reader's server. */
    private String pathAndQuery(URI uri) {
        if (!server.getHost().equals(uri.getHost()) || server.getPort() != uri.getPort()) {
            throw new IllegalArgumentException("Not on " + server + ": " + uri);
        }
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** On a connection's thread: reads one target and records its answer, or why it failed. */
    private static void get(PlainHttpConnection connection, Run run, int index, String pathAndQuery, long dueNanos) {
        String failure;
        try {
            PlainHttpConnection.Response response = connection.get(pathAndQuery);
            failure = response.status() == 200 ? null : pathAndQuery + ": " + response.status() + " " + response.body();
        } catch (IOException | RuntimeException e) {
            failure = pathAndQuery + ": " + e;
        }
        run.answered(index, dueNanos, failure);
    }

    @Override
    public void close() {
        connections.close();
    }
}
