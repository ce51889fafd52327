package io.modstream.ingest.submit;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no broker to acknowledge the write, the caller is told so with a 503 and when to retry, and the service says
 * it is not ready (while still alive).
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // its Kafka clients retry a closed port for as long as it lives; close it when done
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "modstream.ingest.publish-timeout=3s",
            "modstream.ingest.retry-after=7s",
            "spring.kafka.admin.auto-create=false",
            "spring.kafka.producer.properties.max.block.ms=500",
            "spring.kafka.admin.operation-timeout=2s",
            "spring.kafka.admin.close-timeout=2s"
        })
class BrokerUnavailableTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadBroker(DynamicPropertyRegistry registry) throws Exception {
        // A port that was free a moment ago: nothing listens there.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int closedPort = socket.getLocalPort();
            registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
        }
    }

    @Test
    void unacknowledgedCommentIs503WithRetryAfter() {
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build()
                .post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + SubmitCommentTest.KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SubmitCommentTest.VALID)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "7")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("The comment was not accepted"));
    }

    /** The warning about the unacknowledged comment is a line of the request: it carries the request's trace. */
    @Test
    void theWarningCarriesTheRequestsTraceId(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build()
                .post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + SubmitCommentTest.KEY)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SubmitCommentTest.VALID)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody(Void.class);

        org.assertj.core.api.Assertions.assertThat(
                        output.getOut().lines().filter(line -> line.contains("not acknowledged by Kafka")))
                .isNotEmpty()
                .allSatisfy(
                        line -> org.assertj.core.api.Assertions.assertThat(line).contains(traceId));
    }

    @Test
    void theServiceIsAliveButNotReady() {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        http.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Void.class);
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("OUT_OF_SERVICE")
                .jsonPath("$.components.kafka.details.broker")
                .value(problem -> org.assertj.core.api.Assertions.assertThat((String) problem)
                        .startsWith("unreachable"));
    }
}
