package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The latency driver's poster against the JDK's HTTP server on loopback, answering like comment-ingest. */
class CommentPosterTest {

    @Test
    void postsEveryBodyAndCountsWhatWasAcceptedAndWhatFailed() throws Exception {
        Set<String> connections = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.createContext("/api/v1/comments", exchange -> {
            connections.add(exchange.getRemoteAddress().toString());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = Integer.parseInt(body.replaceAll("\\D", ""));
            boolean accept = n % 3 != 0;
            byte[] answer = (accept ? "{\"id\":\"c-" + n + "\",\"status\":\"PENDING\"}" : "{\"title\":\"Bad\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(accept ? 202 : 400, answer.length);
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/comments");
        List<byte[]> bodies = IntStream.range(0, 60)
                .mapToObj(n -> ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8))
                .toList();

        CommentPoster.Result result;
        try (CommentPoster poster = new CommentPoster(endpoint, "key", 4)) {
            result = poster.post(bodies, 300);
        } finally {
            server.stop(0);
            handlers.shutdownNow();
        }

        assertThat(result.started()).isEqualTo(60);
        assertThat(result.acceptedIds())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 60)
                        .filter(n -> n % 3 != 0)
                        .mapToObj(n -> "c-" + n)
                        .toList());
        assertThat(result.failed()).isEqualTo(20);
        assertThat(result.failures())
                .hasSize(5)
                .allSatisfy(failure -> assertThat(failure).isEqualTo("400 {\"title\":\"Bad\"}"));
        // 60 requests due over 0.197 s: the span is at least that, whatever the machine
        assertThat(result.spanSeconds()).isGreaterThanOrEqualTo(59 / 300.0 - 0.001);
        assertThat(connections).hasSizeBetween(1, 4);
    }

    @Test
    void keepsWhenEachRequestWasDueNotWhenItWentOut() throws Exception {
        // One connection and a server that takes 50 ms per answer, asked for 100 requests a second: request n is due
        // at n × 10 ms but cannot go out before the answer to n - 1, so it leaves later and later.
        Map<String, Long> receivedMicros = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/comments", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = "c-" + body.replaceAll("\\D", "");
            receivedMicros.put(id, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = ("{\"id\":\"" + id + "\",\"status\":\"PENDING\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/comments");
        List<byte[]> bodies = IntStream.range(0, 10)
                .mapToObj(n -> ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8))
                .toList();

        long before = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        CommentPoster.Result result;
        try (CommentPoster poster = new CommentPoster(endpoint, "key", 1)) {
            result = poster.post(bodies, 100);
        } finally {
            server.stop(0);
        }

        assertThat(result.dueMicros()).containsOnlyKeys(result.acceptedIds()).hasSize(10);
        long first = result.dueMicros().get("c-0");
        assertThat(first).isBetween(before, before + 5_000_000);
        for (int n = 1; n < 10; n++) {
            assertThat(result.dueMicros().get("c-" + n) - first)
                    .as("request %d is due %d ms after the first", n, n * 10)
                    .isBetween(n * 10_000L - 1, n * 10_000L + 1);
        }
        // Request 9 was due 90 ms after the first but could not reach the server before nine answers of 50 ms each.
        assertThat(receivedMicros.get("c-9") - result.dueMicros().get("c-9"))
                .isGreaterThanOrEqualTo(9 * 50_000L - 9 * 10_000L);
    }

    @Test
    void opensEveryConnectionBeforeTheFirstRequest() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            List<Socket> open = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        open.add(listener.accept());
                        accepted.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/api/v1/comments");

            CommentPoster poster = new CommentPoster(endpoint, "key", 3);
            try {
                // The constructor returns once the connections are open; the acceptor may count the last a moment
                // later.
                long giveUp = System.nanoTime() + 5_000_000_000L;
                while (accepted.get() < 3 && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                }
                assertThat(accepted).hasValue(3);
                for (Socket socket : open) {
                    assertThat(socket.getInputStream().available())
                            .as("nothing sent yet")
                            .isZero();
                }
            } finally {
                poster.close();
                for (Socket socket : open) {
                    socket.close();
                }
            }
        }
    }
}
