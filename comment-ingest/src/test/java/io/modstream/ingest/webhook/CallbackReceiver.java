package io.modstream.ingest.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A site's webhook receiver for tests: a real HTTP server on 127.0.0.1 that records every request and answers each
 * path as told, by attempt number (1, 2, ...), so it can fail on purpose.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One request as received; header names lower-case. */
    record Received(String path, Map<String, String> headers, byte[] body, long receivedNanos) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, IntUnaryOperator> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests to {@code path} with {@code statusByAttempt.applyAsInt(attempt)}; 200 unless told. */
    void answer(String path, IntUnaryOperator statusByAttempt) {
        answers.put(path, statusByAttempt);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            received.add(new Received(path, Map.copyOf(headers), body, System.nanoTime()));
            int attempt =
                    attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = answers.getOrDefault(path, n -> 200).applyAsInt(attempt);
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
