package io.modstream.moderation.apitokens;

import io.modstream.kafka.views.TopicFollower;
import io.modstream.kafka.views.TopicView;
import io.modstream.moderation.web.Problems;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API token, as this instance knows them: read whole from {@code staff.api-tokens} (compacted, keyed by token
 * id, a tombstone for a revoked one) at start and followed after, so a token made on one instance works on all of
 * them. Staff themselves live in configuration; their tokens are made at run time, so they need a store that
 * survives restarts and is shared by instances, and in this service that is Kafka.
 *
 * <p>A change is written to the topic first (a Kafka transaction), then applied here, and the call waits until this
 * instance's follower has read it back: a token revoked here is refused here before the answer; other instances
 * refuse it as soon as their follower reads the tombstone (well under a second while the broker is healthy). One
 * partition, so a token's creation is always read before its revocation. Thread-safe.
 */
@Component
public class ApiTokens extends TopicView {

    static final String TOPIC = "staff.api-tokens";
    private static final Duration WRITE_WAIT = Duration.ofSeconds(10);

    private final Map<String, ApiToken> byId = new ConcurrentHashMap<>();
    private final TopicFollower follower;
    private final KafkaTemplate<String, Object> kafka;
    private final JsonMapper json;
    private final int maxPerUser;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiTokens(
            KafkaConnectionDetails connection,
            KafkaProperties kafkaProperties,
            KafkaTemplate<String, Object> kafka,
            JsonMapper json,
            ApiTokenProperties properties) {
        super(kafkaProperties);
        this.follower = new TopicFollower(
                "api-tokens",
                String.join(",", connection.getConsumer().getBootstrapServers()),
                List.of(TOPIC),
                this::apply);
        this.kafka = kafka;
        this.json = json;
        this.maxPerUser = properties.maxPerUser();
    }

    /**
     * A token that was just made: what is stored, and the token itself, which is not kept anywhere.
     *
     * @param stored what is stored
     * @param token the whole token, for its owner to copy now
     */
    record Issued(ApiToken stored, String token) {}

    /** Makes a new token for {@code username}, unless they already hold as many as allowed. Blocks on Kafka. */
    synchronized Issued issue(String username, String name) {
        long held = of(username).size();
        if (held >= maxPerUser) {
            throw Problems.of(
                    HttpStatus.CONFLICT,
                    "You hold " + held + " API tokens, the most allowed (modstream.moderation.api-tokens.max-per-user);"
                            + " revoke one first.");
        }
        TokenSecret secret = TokenSecret.random(random);
        ApiToken token =
                new ApiToken(ApiToken.SCHEMA_VERSION, secret.id(), username, name, secret.hash(), clock.instant());
        RecordMetadata written = write(token.id(), token);
        byId.put(token.id(), token);
        awaitReadBack(written);
        return new Issued(token, secret.token());
    }

    /** {@code username}'s tokens, oldest first. */
    List<ApiToken> of(String username) {
        return byId.values().stream()
                .filter(token -> token.username().equals(username))
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id))
                .toList();
    }

    /** Revokes {@code username}'s token {@code id}; false when they hold no such token. Blocks on Kafka. */
    synchronized boolean revoke(String username, String id) {
        ApiToken token = byId.get(id);
        if (token == null || !token.username().equals(username)) {
            return false;
        }
        RecordMetadata written = write(id, null);
        byId.remove(id);
        awaitReadBack(written);
        return true;
    }

    /** The stored token {@code presented} is, if it is one that exists and its secret matches. */
    Optional<ApiToken> match(String presented) {
        TokenSecret secret = TokenSecret.parse(presented);
        if (secret == null) {
            return Optional.empty();
        }
        ApiToken stored = byId.get(secret.id());
        return stored != null && secret.matches(stored) ? Optional.of(stored) : Optional.empty();
    }

    private RecordMetadata write(String id, @Nullable ApiToken token) {
        try {
            return kafka.executeInTransaction(t -> t.send(TOPIC, id, token))
                    .get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing an API token", e);
        } catch (ExecutionException | TimeoutException e) {
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The token change could not be recorded; try again.");
        }
    }

    /**
     * Waits until the follower has read what was just written, so the view here is never behind this instance's own
     * answers (a revoked token's creation cannot be read back after the revocation was applied).
     */
    private void awaitReadBack(RecordMetadata written) {
        follower.awaitHandled(written.topic(), written.partition(), written.offset(), WRITE_WAIT);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            byId.remove(record.key());
        } else {
            byId.put(record.key(), json.readValue(record.value(), ApiToken.class));
        }
    }

    @Override
    protected List<Followed> followed() {
        return List.of(follower);
    }
}
