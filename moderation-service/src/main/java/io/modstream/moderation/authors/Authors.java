package io.modstream.moderation.authors;

import io.modstream.moderation.pipeline.ModerationTopology;
import io.modstream.moderation.web.Problems;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an author's state ({@link AuthorState}) wherever it lives. The state is partitioned by author: the instance
 * whose stream task owns the author's partition holds it in its {@value ModerationTopology#AUTHOR_STORE} store. A
 * read on that instance is a local RocksDB get; a read elsewhere is forwarded over HTTP to the owner (its
 * {@code application.server}), which answers from its store. Forwarding was chosen over a global store (every
 * instance would hold every author ever seen, which is what this design moves away from) and over standby reads (they
 * need a standby of every partition on every instance). Blocking: call it off the event loop.
 */
@Component
public class Authors {

    private static final Logger log = LoggerFactory.getLogger(Authors.class);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStreamsInteractiveQueryService queries;
    private final ClusterToken token;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    Authors(StreamsBuilderFactoryBean streams, ClusterToken token, JsonMapper json) {
        this.queries = new KafkaStreamsInteractiveQueryService(streams);
        this.token = token;
        this.json = json;
    }

    /** The author's state, from whichever instance owns it; a fresh one for an author never seen. */
    public AuthorState state(String siteId, String authorId) {
        HostInfo owner = owner(siteId, authorId);
        if (owner == null || owner.equals(queries.getCurrentKafkaStreamsApplicationHostInfo())) {
            return local(siteId, authorId).orElseGet(() -> AuthorState.fresh(siteId, authorId));
        }
        return forwarded(owner, siteId, authorId);
    }

    /** Whether this instance's stream task owns the author's partition now. */
    public boolean ownedHere(String siteId, String authorId) {
        HostInfo owner = owner(siteId, authorId);
        return owner != null && owner.equals(queries.getCurrentKafkaStreamsApplicationHostInfo());
    }

    private @Nullable HostInfo owner(String siteId, String authorId) {
        return queries.getKafkaStreamsApplicationHostInfo(
                ModerationTopology.AUTHOR_STORE,
                AuthorKeys.of(siteId, authorId),
                Serdes.String().serializer());
    }

    /**
     * The author's state from this instance's own stores, or empty when this instance does not own the author's
     * partition or has never seen the author.
     */
    public Optional<AuthorState> local(String siteId, String authorId) {
        ReadOnlyKeyValueStore<String, AuthorState> store =
                queries.retrieveQueryableStore(ModerationTopology.AUTHOR_STORE, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(store.get(AuthorKeys.of(siteId, authorId)));
    }

    private AuthorState forwarded(HostInfo owner, String siteId, String authorId) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/internal/v1/authors/" + encoded(siteId)
                + "/" + encoded(authorId));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(FORWARD_TIMEOUT)
                .header(ClusterToken.HEADER, token.value())
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw ownerUnavailable(
                        "the instance at " + owner + " answered " + response.statusCode() + " for an author read");
            }
            return json.readValue(response.body(), AuthorState.class);
        } catch (IOException e) {
            throw ownerUnavailable("the instance at " + owner + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ownerUnavailable("interrupted while asking " + owner);
        }
    }

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The owner could not be asked: a 503 for the caller (the read may work a moment later), the detail logged. */
    private static ErrorResponseException ownerUnavailable(String detail) {
        log.warn("Forwarded author read failed: {}", detail);
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The author's record is kept by another instance, which did not answer; try again.");
    }
}
