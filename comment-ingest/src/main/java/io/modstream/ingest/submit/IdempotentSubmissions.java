package io.modstream.ingest.submit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.modstream.ingest.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * Makes a retried submission answer like the first one. Keyed by site and {@code Idempotency-Key}: a repeat with
 * the same body gets the first answer (waiting for it if the first is still in flight) and publishes nothing; the
 * same key with a different body is refused with 422. A submission that failed is forgotten, so its retry runs.
 *
 * <p>The comment id is derived from site, key and body, so a retry that reaches another instance, or comes after
 * this instance forgot the key, still carries the same id and downstream consumers can recognise it. Keys are
 * remembered for {@code idempotency.retention}, at most {@code idempotency.max-entries} of them. Thread-safe.
 */
@Component
class IdempotentSubmissions {

    private static final int MAX_KEY_LENGTH = 255;

    private final Cache<Key, Submission> submissions;

    IdempotentSubmissions(IngestProperties properties) {
        this.submissions = Caffeine.newBuilder()
                .expireAfterWrite(properties.idempotency().retention())
                .maximumSize(properties.idempotency().maxEntries())
                .build();
    }

    /**
     * Runs {@code accept} once per site, key and body.
     *
     * @param fingerprint a digest of the request body, to tell a retry from a different comment under the same key
     * @param accept publishes the comment with the given id
     */
    Mono<Outcome> once(String siteId, String idempotencyKey, String fingerprint, Function<String, Mono<Void>> accept) {
        if (!isValidKey(idempotencyKey)) {
            return Mono.error(
                    problem(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 255 visible ASCII characters."));
        }
        Key key = new Key(siteId, idempotencyKey);
        Submission mine = new Submission(fingerprint, new CompletableFuture<>());
        Submission earlier = submissions.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
                return Mono.error(problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "This Idempotency-Key was already used for a different comment."));
            }
            return Mono.fromFuture(earlier.commentId(), true).map(id -> new Outcome(id, true));
        }
        String commentId = derivedId(siteId, idempotencyKey, fingerprint);
        return accept.apply(commentId)
                .doOnSuccess(done -> mine.commentId().complete(commentId))
                .doOnError(failure -> forget(key, mine, failure))
                .doOnCancel(() -> forget(key, mine, new IllegalStateException("submission cancelled")))
                .thenReturn(new Outcome(commentId, false));
    }

    private void forget(Key key, Submission submission, Throwable failure) {
        submissions.asMap().remove(key, submission);
        submission.commentId().completeExceptionally(failure);
    }

    static String derivedId(String siteId, String idempotencyKey, String fingerprint) {
        String name = "modstream:" + siteId + '\n' + idempotencyKey + '\n' + fingerprint;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 1 to 255 visible ASCII characters; any other key is answered 400. */
    static boolean isValidKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** The comment id, and whether this answer repeats an earlier one. */
    record Outcome(String commentId, boolean replayed) {}

    private record Key(String siteId, String idempotencyKey) {}

    private record Submission(String fingerprint, CompletableFuture<String> commentId) {}
}
