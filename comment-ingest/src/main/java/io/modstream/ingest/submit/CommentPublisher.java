package io.modstream.ingest.submit;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.observability.InTrace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes a comment to {@link Topics#COMMENTS_SUBMITTED}, keyed by its author (so it lands in the partition whose
 * moderation task holds that author's state, and needs no repartition), and completes only when the broker has
 * acknowledged it (the producer runs with {@code acks=all} and idempotence, see application.yml). If that does not
 * happen within {@code publish-timeout}, the result is a 503 telling the caller to retry later.
 *
 * <p>The record carries the request's trace in its headers ({@code traceparent}), written here from the request's
 * server span. The Kafka template's observation, which would do the same through a producer span of its own, is off
 * (application.yml): without it comment-ingest used about a tenth less CPU per comment under load (docs/benchmarks.md,
 * issue 12), and the send's time is already inside the request's span. The template still times every send with its
 * {@code spring.kafka.template} timer.
 */
@Component
class CommentPublisher {

    private static final Logger log = LoggerFactory.getLogger(CommentPublisher.class);

    /**
     * How recent a broker's acknowledgement must be for a send to run on the calling thread: short enough that the
     * producer's buffer (32 MiB) cannot have filled since, at any rate this service takes.
     */
    private static final Duration RECENT = Duration.ofSeconds(1);

    private final KafkaTemplate<String, CommentSubmitted> kafka;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Duration timeout;
    private final Duration retryAfter;
    private volatile long lastAcknowledged = System.nanoTime() - RECENT.toNanos() - 1;

    @Autowired
    CommentPublisher(
            KafkaTemplate<String, CommentSubmitted> kafka,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator,
            IngestProperties properties) {
        // Without tracing (management.tracing.enabled=false) there is no trace to carry on.
        this(
                kafka,
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP),
                properties);
    }

    CommentPublisher(
            KafkaTemplate<String, CommentSubmitted> kafka,
            Tracer tracer,
            Propagator propagator,
            IngestProperties properties) {
        this.kafka = kafka;
        this.tracer = tracer;
        this.propagator = propagator;
        this.timeout = properties.publishTimeout();
        this.retryAfter = properties.retryAfter();
    }

    /**
     * Publishes {@code comment}; what follows the broker's acknowledgement runs on {@code then}, the thread the caller
     * answers on.
     */
    Mono<Void> publish(CommentSubmitted comment, Scheduler then) {
        // In the request's trace, so that the record carries it on.
        Mono<SendResult<String, CommentSubmitted>> send = InTrace.call(() -> kafka.send(
                        traced(new ProducerRecord<>(Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), comment))))
                .flatMap(Mono::fromFuture);
        // send() blocks for up to max.block.ms when it must look up the topic's partitions, or when its buffer is full
        // because the broker stopped answering. While the broker acknowledged a send moments ago neither can happen
        // (the metadata is known and the buffer drains), so the send runs on the calling thread; otherwise it is
        // handed to a thread that may block, never an event loop.
        if (!acknowledgedRecently()) {
            send = send.subscribeOn(Schedulers.boundedElastic());
        }
        return send.doOnNext(sent -> lastAcknowledged = System.nanoTime())
                // The acknowledgement completes the future on the producer's one I/O thread; what follows (the
                // status, metrics, the 202) must not run there, or every request queues behind that one thread.
                .publishOn(then)
                // Reactor's timeout describes its source by name on every subscription; unnamed, it walks the chain
                // and runs a regex over class names to make one up, 2 % of an event loop's time per comment (JFR,
                // docs/benchmarks.md). A name is found at once, and the rare timeout's message names the step.
                .name("kafka-acknowledgement")
                .timeout(timeout)
                .transform(InTrace.onError(e -> log.warn(
                        "Comment {} of site {} not acknowledged by Kafka: {}",
                        comment.commentId(),
                        comment.siteId(),
                        e.toString())))
                .onErrorMap(e -> brokerUnavailable())
                .then();
    }

    /** {@code record}, with the trace in place (the request's) written into its headers. */
    private <V> ProducerRecord<String, V> traced(ProducerRecord<String, V> record) {
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) {
            propagator.inject(context, record.headers(), CommentPublisher::setHeader);
        }
        return record;
    }

    private static void setHeader(Headers headers, String key, String value) {
        headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private boolean acknowledgedRecently() {
        return System.nanoTime() - lastAcknowledged < RECENT.toNanos();
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
