package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-side benchmark's reader against the JDK's HTTP server on loopback. */
class FixedRateReaderTest {

    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService handlers;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.createContext("/api/v1/comments/", exchange -> {
            connections.add(exchange.getRemoteAddress().toString());
            URI asked = exchange.getRequestURI();
            seen.add(asked.getRawPath() + "?" + asked.getRawQuery() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            // Every fifth comment is unknown.
            int n = Integer.parseInt(asked.getPath().substring(asked.getPath().lastIndexOf('-') + 1));
            byte[] answer = (n % 5 == 0 ? "{\"title\":\"Not Found\"}" : "{\"status\":\"APPROVED\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(n % 5 == 0 ? 404 : 200, answer.length);
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void readsEveryTargetAtTheRateOverItsConnectionsAndCountsWhatFailed() throws Exception {
        FixedRateReader.Result result;
        try (FixedRateReader reader = new FixedRateReader(base, "key", 4)) {
            result = reader.read(i -> base.resolve("/api/v1/comments/c-" + i + "?n=" + i), 50, 250);
        }

        assertThat(result.requests()).isEqualTo(50);
        assertThat(result.unsent()).isZero();
        assertThat(result.failed()).isEqualTo(10);
        assertThat(result.failures())
                .hasSize(5)
                .allSatisfy(failure -> assertThat(failure).contains("404").contains("/api/v1/comments/c-"));
        assertThat(seen)
                .hasSize(50)
                .contains("/api/v1/comments/c-7?n=7 Bearer key")
                .allSatisfy(line -> assertThat(line).endsWith(" Bearer key"));
        // 50 requests due over 0.196 s: the span is at least that, whatever the machine
        assertThat(result.spanSeconds()).isGreaterThanOrEqualTo(49 / 250.0 - 0.001);
        assertThat(result.latency().millis(100)).isPositive();
        assertThat(connections).hasSizeBetween(1, 4);
    }

    @Test
    void refusesATargetOnAnotherServer() {
        try (FixedRateReader reader = new FixedRateReader(base, "key", 1)) {
            assertThatThrownBy(() -> reader.read(i -> URI.create("http://127.0.0.1:1/api/v1/comments/c-1"), 1, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("127.0.0.1:1");
        }
    }
}
