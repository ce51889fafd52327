package io.modstream.baseline;

import io.modstream.events.Author;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The ingest benchmark's baseline: what any WebFlux app must do to take a comment with the same guarantee as
 * comment-ingest (parse the JSON, publish with acks=all, answer 202 only after the broker's acknowledgement), and
 * nothing more. comment-ingest's rate over this app's, measured in the same run, is the issue's figure.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    /**
     * The request comment-ingest takes, without its validation.
     *
     * @param threadId the thread
     * @param threadUrl optional URL of the thread
     * @param threadTitle optional title
     * @param parentId optional parent comment
     * @param author who wrote it
     * @param body the text
     */
    record SubmitRequest(
            String threadId, String threadUrl, String threadTitle, String parentId, Author author, String body) {}

    @RestController
    static class Comments {

        private final KafkaTemplate<String, CommentSubmitted> kafka;
        private final String topic;

        Comments(
                KafkaTemplate<String, CommentSubmitted> kafka,
                @Value("${baseline.topic:" + Topics.COMMENTS_SUBMITTED + "}") String topic) {
            this.kafka = kafka;
            this.topic = topic;
        }

        /** The benchmark waits for this before it starts; the app has no actuator, which would add a web filter. */
        @GetMapping("/ready")
        Mono<String> ready() {
            return Mono.just("ready");
        }

        @PostMapping("/api/v1/comments")
        Mono<ResponseEntity<Map<String, String>>> submit(@RequestBody SubmitRequest request) {
            CommentSubmitted comment = new CommentSubmitted(
                    CommentSubmitted.SCHEMA_VERSION,
                    UUID.randomUUID().toString(),
                    "bench-site",
                    request.threadId(),
                    request.threadUrl(),
                    request.threadTitle(),
                    request.parentId(),
                    request.author(),
                    request.body(),
                    Instant.now());
            return Mono.fromFuture(kafka.send(topic, AuthorKeys.of(comment), comment))
                    .map(sent -> ResponseEntity.status(HttpStatus.ACCEPTED)
                            .body(Map.of("id", comment.commentId(), "status", "PENDING")));
        }
    }
}
