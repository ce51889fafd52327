package io.modstream.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The drivers' keep-alive connections: each a {@link PlainHttpConnection} with a thread of its own, so at most one
 * request is in flight on each, and a task handed over goes to whichever connection is free first. Every connection is
 * opened before the constructor returns, as wrk does, so that a run measures requests, not connections being set up
 * while the first ones are due; one that cannot be opened then is tried again by its first request.
 *
 * <p>A task gets the connection, sends its request and records the answer itself, failures included: an
 * {@link IOException} is the task's to catch, and the connection reopens on the next request.
 */
final class ConnectionThreads implements AutoCloseable {

    /** A task is handed to whichever connection's thread takes it first. */
    private final SynchronousQueue<Consumer<PlainHttpConnection>> due = new SynchronousQueue<>();

    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param endpoint where the connections go ({@link PlainHttpConnection}'s endpoint)
     * @param timeout for connecting, and for each read while waiting for an answer
     * @param count how many connections
     * @param name the threads' name, numbered
     * @param headers sent with every request, as {@code Name: value} lines
     */
    ConnectionThreads(URI endpoint, Duration timeout, int count, String name, String... headers) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one connection, not " + count);
        }
        CountDownLatch connected = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            PlainHttpConnection connection = new PlainHttpConnection(endpoint, timeout, headers);
            Thread thread = new Thread(() -> serve(connection, connected), name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands {@code task} to the first free connection, waiting as long as every one is busy. */
    void put(Consumer<PlainHttpConnection> task) throws InterruptedException {
        due.put(task);
    }

    /** Hands {@code task} to the first free connection; false if none became free within {@code nanos}. */
    boolean offer(Consumer<PlainHttpConnection> task, long nanos) throws InterruptedException {
        return due.offer(task, nanos, TimeUnit.NANOSECONDS);
    }

    /** A connection's thread: opens its connection, then runs the tasks it takes, one at a time, until closed. */
    private void serve(PlainHttpConnection connection, CountDownLatch connected) {
        try (connection) {
            try {
                connection.connect();
            } catch (IOException e) {
                // the first request tries again, and counts as failed if it cannot
            } finally {
                connected.countDown();
            }
            while (true) {
                due.take().accept(connection);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }
}
