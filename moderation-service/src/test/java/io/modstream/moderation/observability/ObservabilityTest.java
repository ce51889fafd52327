package io.modstream.moderation.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modstream.events.Author;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator scrapes and probes, after real traffic through a real broker: metric names and values, readiness
 * with Kafka in it, info with policy versions, and trace context carried from a record's headers to its outcome.
 */
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=observability-test")
class ObservabilityTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final JsonMapper json = JsonMapper.builder().build();
    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(WAIT)
                .build();
    }

    @Test
    void metricsCountOutcomesByVerdictAndReasonAndTimeThem() {
        String site = "obs-" + UUID.randomUUID().toString().substring(0, 8);
        submit(comment(site, "A thoughtful note on orbital mechanics."), null);
        submit(comment(site, "Read more at example.com"), null);
        submit(comment(site, "You idiot."), null);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(prometheus())
                        .contains("modstream_comments_moderated_total{site=\"" + site + "\",verdict=\"APPROVE\"} 1.0")
                        .contains("modstream_comments_moderated_total{site=\"" + site + "\",verdict=\"REJECT\"} 1.0")
                        .contains("modstream_comments_moderated_total{site=\"" + site + "\",verdict=\"REVIEW\"} 1.0")
                        .contains("modstream_comment_reasons_total{code=\"LINK\",site=\"" + site + "\"} 1.0"));
        String scrape = prometheus();
        assertThat(scrape)
                .contains("modstream_moderation_latency_seconds_bucket{verdict=\"APPROVE\"")
                .containsPattern("modstream_review_queue_size \\d")
                .contains("modstream_review_queue_oldest_seconds")
                .doesNotContain("modstream_dead_letters_total{topic=\"comments.submitted-dlt\"} 0");
        // Measured from the broker every 15 s.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(prometheus())
                        .containsPattern("modstream_consumer_lag_records\\{group=\"observability-test\","
                                + "partition=\"\\d\",topic=\"comments.submitted\"} \\d"));
    }

    @Test
    void aDeadLetterIsCounted() {
        topics.send(
                Topics.COMMENTS_SUBMITTED,
                "obs-poison-" + UUID.randomUUID(),
                "not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(prometheus())
                        .containsPattern("modstream_dead_letters_total\\{topic=\"comments.submitted-dlt\"} [1-9]"));
    }

    @Test
    void readinessIncludesKafkaAndThePipelineAndInfoNamesThePolicies() {
        // Ready once the pipeline's stores are restored and it runs, which happens in the background after start.
        await().atMost(WAIT)
                .untilAsserted(() -> http.get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.kafka.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.kafka.details.brokers")
                        .isEqualTo(1)
                        .jsonPath("$.components.pipeline.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.pipeline.details.state")
                        .isEqualTo("RUNNING"));
        http.get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.policies['*']")
                .isEqualTo("default/v1")
                .jsonPath("$.build.artifact")
                .isEqualTo("moderation-service");
    }

    @Test
    void theTraceOfTheSubmissionContinuesOnTheOutcome() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        CommentSubmitted comment = comment("obs-trace", "Tracing this one through.");
        submit(comment, "00-" + traceId + "-00f067aa0ba902b7-01");

        List<ConsumerRecord<String, String>> outcomes = topics.read(
                List.of(Topics.COMMENTS_APPROVED),
                true,
                WAIT,
                seen -> seen.stream().anyMatch(r -> comment.commentId().equals(r.key())));
        ConsumerRecord<String, String> outcome = outcomes.stream()
                .filter(r -> comment.commentId().equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(TopicClient.header(outcome, "traceparent")).startsWith("00-" + traceId + "-");
    }

    private String prometheus() {
        return new String(http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private static CommentSubmitted comment(String site, String body) {
        return new CommentSubmitted(
                1,
                UUID.randomUUID().toString(),
                site,
                "thread",
                null,
                null,
                null,
                new Author("reader-" + UUID.randomUUID(), "Reader", null, null),
                body,
                Instant.now());
    }

    /** Sends with a W3C {@code traceparent} header when one is given, as comment-ingest's traced producer would. */
    private void submit(CommentSubmitted comment, String traceparent) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), json.writeValueAsBytes(comment));
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
