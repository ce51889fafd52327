package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver's client against the JDK's own HTTP server on loopback. */
class PlainHttpConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the server saw: method, path, a header, the body and the client's port, one line per request. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheBodyWithItsHeadersAndReadsAFixedLengthAnswer() throws IOException {
        URI endpoint = serve(exchange -> answer(exchange, 202, "{\"id\":\"c-1\"}", false));
        try (PlainHttpConnection connection = new PlainHttpConnection(endpoint, TIMEOUT, "Authorization: Bearer k")) {
            PlainHttpConnection.Response response = connection.post(bytes("{\"text\":\"héllo\"}"));

            assertThat(response.status()).isEqualTo(202);
            assertThat(response.body()).isEqualTo("{\"id\":\"c-1\"}");
        }
        assertThat(seen).singleElement().asString().startsWith("POST /api/v1/comments Bearer k {\"text\":\"héllo\"}");
    }

    @Test
    void getsAnyPathOnTheSameConnectionAsThePosts() throws IOException {
        URI endpoint = serve(exchange -> answer(exchange, 200, "{\"total\":3}", false));
        try (PlainHttpConnection connection = new PlainHttpConnection(endpoint, TIMEOUT, "Authorization: Bearer k")) {
            assertThat(connection.post(bytes("{}")).status()).isEqualTo(200);
            PlainHttpConnection.Response response = connection.get("/api/v1/comments/t%2F1?size=20&before=1-c");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"total\":3}");
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).startsWith("GET /api/v1/comments/t%2F1?size=20&before=1-c Bearer k  port=");
        assertThat(seen.stream().map(PlainHttpConnectionTest::clientPort).distinct())
                .hasSize(1);
        try (PlainHttpConnection connection = new PlainHttpConnection(endpoint, TIMEOUT)) {
            assertThatThrownBy(() -> connection.get("/a b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> connection.get("x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsAChunkedAnswerWhole() throws IOException {
        String big = "x".repeat(20_000) + "é";
        URI endpoint = serve(exchange -> answer(exchange, 400, big, true));
        try (PlainHttpConnection connection = new PlainHttpConnection(endpoint, TIMEOUT)) {
            PlainHttpConnection.Response response = connection.post(bytes("{}"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(big);
            // and the connection is still usable after the last chunk
            assertThat(connection.post(bytes("{}")).body()).isEqualTo(big);
        }
    }

    @Test
    void keepsTheConnectionAliveBetweenRequests() throws IOException {
        URI endpoint = serve(exchange -> answer(exchange, 202, "ok", false));
        try (PlainHttpConnection connection = new PlainHttpConnection(endpoint, TIMEOUT)) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.post(bytes("{\"n\":" + i + "}")).status()).isEqualTo(202);
            }
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.stream().map(PlainHttpConnectionTest::clientPort).distinct())
                .hasSize(1);
    }

    @Test
    void opensTheConnectionAgainAfterTheServerClosesIt() throws IOException {
        URI endpoint = serve(exchange -> answer(exchange, 202, "ok", true, "Connection", "close"));
        try (PlainHttpConnection connection = new PlainHttpConnection(endpoint, TIMEOUT)) {
            assertThat(connection.post(bytes("{}")).status()).isEqualTo(202);
            assertThat(connection.post(bytes("{}")).status()).isEqualTo(202);
        }
        assertThat(seen.stream().map(PlainHttpConnectionTest::clientPort).distinct())
                .hasSize(2);
    }

    @Test
    void failsWhenTheServerDoesNotAnswerWithinTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket accepted = silent.accept()) {
                    // holds the connection open and never answers
                    Thread.sleep(5_000);
                    accepted.shutdownOutput();
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/v1/comments");
            try (PlainHttpConnection connection = new PlainHttpConnection(endpoint, Duration.ofMillis(300))) {
                assertThatThrownBy(() -> connection.post(bytes("{}"))).isInstanceOf(SocketTimeoutException.class);
            }
            acceptor.interrupt();
        }
    }

    @Test
    void refusesAnEndpointItCannotSpeakTo() {
        assertThatThrownBy(() -> new PlainHttpConnection(URI.create("https://127.0.0.1:8443/x"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlainHttpConnection(URI.create("http://127.0.0.1/x"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/comments", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestMethod()
                    + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery())
                    + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + new String(body, StandardCharsets.UTF_8)
                    + " port=" + exchange.getRemoteAddress().getPort());
            handler.handle(exchange);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/comments");
    }

    private static void answer(HttpExchange exchange, int status, String body, boolean chunked, String... headers)
            throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] bytes = bytes(body);
        // The JDK server frames a length of 0 as chunked.
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String clientPort(String line) {
        return line.substring(line.lastIndexOf("port="));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
