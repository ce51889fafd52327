package io.modstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Every request on a keep-alive connection is answered, however quickly it follows the previous answer.
 *
 * <p>Reactor Netty 1.3.6 (Spring Boot 4.0.7's) queues a request that arrives before the previous request's operations
 * have ended, and when that queue drains it never asks the socket for more: the connection's next request waits
 * forever (reactor-netty #4347 / #4361). Our tests saw it as a request with no answer for 30 s, about once in three
 * full builds. The root pom takes Reactor Netty 1.3.8, which asks for the next read; this test is what fails if an
 * upgrade of Spring Boot or Reactor brings the bug back: on 1.3.6 it failed in both runs tried (and the same client
 * alone, outside JUnit, stalled within its first 200 requests in four runs out of four).
 *
 * <p>The server is Reactor Netty's own, the layer with the bug, on loopback. The client is a plain socket that sends
 * each request the moment the previous answer is in, which is what browsers and WebClient do on a reused
 * connection; every other answer is a millisecond late, so requests keep arriving while the previous one ends.
 */
class KeepAliveConnectionTest {

    private static final int REQUESTS = 2_000;

    private DisposableServer server;

    @BeforeEach
    void start() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> response.sendString(
                        request.uri().startsWith("/late")
                                ? Mono.delay(Duration.ofMillis(1)).thenReturn("answer")
                                : Mono.just("answer")))
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void everyRequestOnOneConnectionIsAnswered() throws IOException {
        int answered = 0;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < REQUESTS; i++) {
                String path = i % 2 == 0 ? "/late" : "/now";
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                try {
                    assertThat(readResponse(in)).as("request %d", i).isEqualTo("200 answer");
                } catch (SocketTimeoutException e) {
                    break;
                }
                answered++;
            }
        }
        assertThat(answered)
                .as("requests answered on one keep-alive connection")
                .isEqualTo(REQUESTS);
    }

    /** The status code and body of one response, as {@code "200 answer"}. */
    private static String readResponse(InputStream in) throws IOException {
        String status = readLine(in).split(" ")[1];
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("The connection closed inside a response body");
        }
        return status + " " + new String(body, StandardCharsets.US_ASCII);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("The connection closed inside a response head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
