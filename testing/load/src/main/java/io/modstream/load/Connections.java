package io.modstream.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The fixed-rate drivers' keep-alive connections: each is one HTTP/1.1 {@link HttpClient} with at most one request in
 * flight, taken when a request goes out and given back when it is answered or has failed.
 */
final class Connections {

    private final BlockingQueue<HttpClient> free;
    private final int count;

    Connections(int count, Duration connectTimeout, Executor executor) {
        this.count = count;
        this.free = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            free.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .executor(executor)
                    .build());
        }
    }

    /** A free connection, waiting as long as it takes. */
    HttpClient take() throws InterruptedException {
        return free.take();
    }

    /** A free connection, or null if none is free within {@code nanos}. */
    HttpClient poll(long nanos) throws InterruptedException {
        return free.poll(nanos, TimeUnit.NANOSECONDS);
    }

    void giveBack(HttpClient client) {
        free.add(client);
    }

    /**
     * Returns once every connection is back, which means every request has been answered or has failed.
     *
     * @throws IllegalStateException if one is still out after {@code patience}
     */
    void awaitAllBack(Duration patience) throws InterruptedException {
        List<HttpClient> back = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpClient client = free.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (client == null) {
                free.addAll(back);
                throw new IllegalStateException("A request was neither answered nor timed out within " + patience);
            }
            back.add(client);
        }
        free.addAll(back);
    }
}
