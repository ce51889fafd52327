package io.modstream.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import io.modstream.ingest.IngestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import reactor.core.scheduler.Schedulers;

/**
 * The publisher's own deadline, without a broker: the broker-backed tests reach the 503 through the producer giving
 * up first (its {@code max.block.ms}); here the acknowledgement simply never comes, so only the publish timeout can
 * end the request.
 */
class CommentPublisherTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void anAcknowledgedSendCompletes() {
        AnsweringTemplate kafka = new AnsweringTemplate();
        CommentPublisher publisher = new CommentPublisher(kafka, Tracer.NOOP, Propagator.NOOP, properties());

        CompletableFuture<Void> published =
                publisher.publish(comment(), Schedulers.immediate()).toFuture();
        // The first send of a publisher runs on a thread that may block (no acknowledgement seen yet): wait for it.
        assertThat(kafka.sent).succeedsWithin(Duration.ofSeconds(5));
        assertThat(published).isNotDone();
        // Keyed by author, to the submitted topic; without tracing there is no trace to carry, and no header for it.
        ProducerRecord<String, CommentSubmitted> record = kafka.sent.join();
        assertThat(record.topic()).isEqualTo("comments.submitted");
        assertThat(record.key()).isEqualTo("site-a/reader-1");
        assertThat(record.headers().toArray()).isEmpty();

        kafka.acknowledge();

        assertThat(published).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aSendNeverAcknowledgedIs503WithRetryAfterOnceThePublishTimeoutPasses() {
        CommentPublisher publisher =
                new CommentPublisher(new AnsweringTemplate(), Tracer.NOOP, Propagator.NOOP, properties());

        long started = System.nanoTime();
        ErrorResponseException error = catchThrowableOfType(
                ErrorResponseException.class,
                () -> publisher.publish(comment(), Schedulers.immediate()).block(Duration.ofSeconds(10)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(TIMEOUT);
        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(error.getHeaders().getFirst("Retry-After")).isEqualTo("7");
        assertThat(error.getBody().getDetail()).contains("did not confirm it in time");
    }

    private static IngestProperties properties() {
        return new IngestProperties(
                DataSize.ofKilobytes(64), TIMEOUT, Duration.ofSeconds(7), null, null, null, List.of());
    }

    private static CommentSubmitted comment() {
        return new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                "c-1",
                "site-a",
                "thread-1",
                null,
                null,
                null,
                new Author("reader-1", "Ada", null, null),
                "Hello",
                Instant.parse("2026-12-06T05:00:00Z"));
    }

    /** A template whose send is acknowledged only when the test says so; no producer is ever created. */
    private static final class AnsweringTemplate extends KafkaTemplate<String, CommentSubmitted> {

        private final CompletableFuture<SendResult<String, CommentSubmitted>> acknowledgement =
                new CompletableFuture<>();
        final CompletableFuture<ProducerRecord<String, CommentSubmitted>> sent = new CompletableFuture<>();

        AnsweringTemplate() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, CommentSubmitted>> send(
                ProducerRecord<String, CommentSubmitted> record) {
            sent.complete(record);
            return acknowledgement;
        }

        void acknowledge() {
            ProducerRecord<String, CommentSubmitted> record = sent.join();
            RecordMetadata metadata = new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0);
            acknowledgement.complete(new SendResult<>(record, metadata));
        }
    }
}
