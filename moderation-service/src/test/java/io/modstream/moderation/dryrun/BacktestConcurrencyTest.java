package io.modstream.moderation.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * With one backtest allowed at once: while a streamed backtest runs, another is refused with 429; it is allowed again
 * once the first ends, whether it finished or its client went away. The backtest itself is a stand-in that runs until
 * the test lets it finish (or nobody listens any more). The rest of the application runs on the in-process broker:
 * without one, closing the context waits a minute for the stream threads to give up on a broker that is not there.
 */
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.moderation.limits.staff.backtests-at-once=1",
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=ADMIN",
            "modstream.moderation.users[0].sites=site-b"
        })
class BacktestConcurrencyTest {

    private static final String BODY = "{\"policy\":\"site: site-b\\nversion: 2\\n\","
            + "\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}";

    @LocalServerPort
    int port;

    @MockitoBean
    BacktestService backtests;

    @Autowired
    MeterRegistry registry;

    private final CountDownLatch finish = new CountDownLatch(1);
    private WebTestClient http;

    @BeforeEach
    void setUp() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        BacktestReport report = new BacktestReport(
                "site-b", Instant.EPOCH, Instant.EPOCH, "default/v1", "site-b/v2", 0, 0, Map.of(), List.of(), false);
        // Streamed: reports progress every 50 ms until told to finish or nobody wants it any more.
        when(backtests.run(any(), any(), any(), any(), anyInt(), any())).thenAnswer(call -> {
            BacktestService.ProgressListener listener = call.getArgument(5);
            while (listener.progress(new BacktestProgress(0, 1, 0)) && !finish.await(50, TimeUnit.MILLISECONDS)) {
                // still running
            }
            return report;
        });
        when(backtests.run(any(), any(), any(), any(), anyInt())).thenReturn(report);
    }

    @Test
    void aSecondBacktestIsRefusedWhileOneRunsAndAllowedAfterItEnds() {
        Flux<String> running = streamed();
        List<String> lines = new CopyOnWriteArrayList<>();
        running.subscribe(lines::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> running() == 1.0 && !lines.isEmpty());

        json().expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).startsWith("At most 1 backtest may run at once"));

        finish.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(line -> line.contains("report")));
        await().atMost(Duration.ofSeconds(20)).until(() -> running() == 0.0);
        json().expectStatus().isOk().expectBody().jsonPath("$.candidatePolicy").isEqualTo("site-b/v2");
    }

    @Test
    void aStreamedBacktestWhoseClientWentAwayGivesBackItsPlace() {
        // Reads the first line, then cancels: the connection closes while the backtest would still run.
        assertThat(streamed().blockFirst(Duration.ofSeconds(20))).contains("progress");
        await().atMost(Duration.ofSeconds(20)).until(() -> running() == 0.0);
        json().expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void aRefusalDoesNotTakeAPlace() {
        Flux<String> running = streamed();
        List<String> lines = new CopyOnWriteArrayList<>();
        running.subscribe(lines::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> !lines.isEmpty());
        http.post()
                .uri("/api/v1/sites/site-b/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(BODY)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
        finish.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> running() == 0.0);
    }

    private Flux<String> streamed() {
        return http.post()
                .uri("/api/v1/sites/site-b/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(BODY)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec json() {
        return http.post()
                .uri("/api/v1/sites/site-b/backtest")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(BODY)
                .exchange();
    }

    private double running() {
        return registry.get("modstream.staff.running")
                .tag("job", "backtest")
                .gauge()
                .value();
    }
}
