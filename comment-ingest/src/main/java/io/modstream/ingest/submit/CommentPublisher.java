package io.modstream.ingest.submit;

import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.ingest.IngestProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes a comment to {@link Topics#COMMENTS_SUBMITTED}, keyed by its author (so it lands in the partition whose
 * moderation task holds that author's state, and needs no repartition), and completes only when the broker has
 * acknowledged it (the producer runs with {@code acks=all} and idempotence, see application.yml). If that does not
 * happen within {@code publish-timeout}, the result is a 503 telling the caller to retry later.
 */
@Component
class CommentPublisher {

    private static final Logger log = LoggerFactory.getLogger(CommentPublisher.class);

    private final KafkaTemplate<String, CommentSubmitted> kafka;
    private final Duration timeout;
    private final Duration retryAfter;

    CommentPublisher(KafkaTemplate<String, CommentSubmitted> kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.publishTimeout();
        this.retryAfter = properties.retryAfter();
    }

    Mono<Void> publish(CommentSubmitted comment) {
        // send() can block for up to max.block.ms while it looks up the partition leader, so not on an event loop.
        return Mono.fromFuture(() -> kafka.send(Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), comment))
                .subscribeOn(Schedulers.boundedElastic())
                // The acknowledgement completes the future on the producer's one I/O thread; what follows (the
                // status, metrics, the 202) must not run there, or every request queues behind that one thread.
                .publishOn(Schedulers.parallel())
                .timeout(timeout)
                .doOnError(e -> log.warn(
                        "Comment {} of site {} not acknowledged by Kafka: {}",
                        comment.commentId(),
                        comment.siteId(),
                        e.toString()))
                .onErrorMap(e -> brokerUnavailable())
                .then();
    }

    private ErrorResponseException brokerUnavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The comment was not accepted because the message broker did not confirm it in time. "
                        + "Retry later with the same Idempotency-Key.");
        ErrorResponseException error = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        error.getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        return error;
    }
}
