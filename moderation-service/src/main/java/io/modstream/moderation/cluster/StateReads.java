package io.modstream.moderation.cluster;

import io.modstream.moderation.web.Problems;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
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
 * Reads one key of a partitioned state store wherever it lives. The instance whose stream task owns the key's
 * partition holds it: a read there is a local RocksDB get; a read elsewhere is forwarded over HTTP to the owner's
 * {@code application.server}, which answers from its own store ({@link InternalReadController}) and never forwards
 * again. Forwarding was chosen over global stores (every instance would hold every author and every decision ever
 * made, which grows with history) and over standby reads (they need a standby of every partition on every instance).
 * Blocking: call it off the event loop.
 */
@Component
public class StateReads {

    private static final Logger log = LoggerFactory.getLogger(StateReads.class);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration OWNER_WAIT = Duration.ofSeconds(10);

    private final StreamsBuilderFactoryBean streams;
    private final ClusterToken token;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    StateReads(StreamsBuilderFactoryBean streams, ClusterToken token, JsonMapper json) {
        this.streams = streams;
        this.token = token;
        this.json = json;
    }

    /** What answers queries for the pipeline as it runs now (a restarted pipeline is a new KafkaStreams). */
    private volatile @Nullable Queries queries;

    private record Queries(KafkaStreams streams, KafkaStreamsInteractiveQueryService service) {}

    private KafkaStreamsInteractiveQueryService queries() {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw ownerUnavailable("the pipeline is not running");
        }
        Queries current = queries;
        if (current == null || current.streams() != running) {
            current = new Queries(running, new KafkaStreamsInteractiveQueryService(streams));
            queries = current;
        }
        return current.service();
    }

    /** The value under {@code key} in {@code store}, from whichever instance owns it; empty when there is none. */
    public <V> Optional<V> read(String store, String key, Class<V> type) {
        HostInfo owner = awaitOwner(store, key);
        if (owner.equals(queries().getCurrentKafkaStreamsApplicationHostInfo())) {
            return local(store, key);
        }
        return forwarded(owner, store, key, type);
    }

    /** The value under {@code key} in this instance's own {@code store}; empty when it has none. */
    public <V> Optional<V> local(String store, String key) {
        return withLocalStore(store, (ReadOnlyKeyValueStore<String, V> values) -> Optional.ofNullable(values.get(key)));
    }

    /**
     * Applies {@code read} to this instance's {@code store} (for a global store, all of it). A store that is restoring
     * (after a start or a rebalance) is waited for a little, then answered with 503.
     */
    public <V, T> T withLocalStore(String store, Function<ReadOnlyKeyValueStore<String, V>, T> read) {
        Instant deadline = Instant.now().plus(OWNER_WAIT);
        while (true) {
            try {
                return read.apply(queries().retrieveQueryableStore(store, QueryableStoreTypes.keyValueStore()));
            } catch (InvalidStateStoreException | IllegalStateException restoring) {
                if (Instant.now().isAfter(deadline)) {
                    throw ownerUnavailable(store + " is not readable now: " + restoring.getMessage());
                }
                pause(store);
            }
        }
    }

    private static void pause(String store) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ownerUnavailable("interrupted while waiting for " + store);
        }
    }

    /** Whether this instance's stream task owns {@code key} of {@code store} now. */
    public boolean ownedHere(String store, String key) {
        HostInfo owner = owner(store, key);
        return owner != null && owner.equals(queries().getCurrentKafkaStreamsApplicationHostInfo());
    }

    /** The owner of {@code key}; while the pipeline starts or rebalances nobody is known, so wait a little for one. */
    private HostInfo awaitOwner(String store, String key) {
        Instant deadline = Instant.now().plus(OWNER_WAIT);
        while (true) {
            HostInfo owner = owner(store, key);
            if (owner != null) {
                return owner;
            }
            if (Instant.now().isAfter(deadline)) {
                throw ownerUnavailable("no instance owns " + store + " keys now (starting or rebalancing)");
            }
            pause(store);
        }
    }

    /** The instance that owns {@code key} of {@code store}, or null when that is not known now. */
    private @Nullable HostInfo owner(String store, String key) {
        try {
            HostInfo owner = queries()
                    .getKafkaStreamsApplicationHostInfo(
                            store, key, Serdes.String().serializer());
            // Kafka Streams answers "unavailable:-1" while it has no metadata.
            return owner == null || owner.port() < 0 ? null : owner;
        } catch (IllegalStateException notRunning) {
            return null;
        }
    }

    private <V> Optional<V> forwarded(HostInfo owner, String store, String key, Class<V> type) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + InternalReadController.PATH + "/"
                + encoded(store) + "?key=" + encoded(key));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(FORWARD_TIMEOUT)
                .header(ClusterToken.HEADER, token.value())
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw ownerUnavailable(owner + " answered " + response.statusCode() + " for " + store);
            }
            return Optional.of(json.readValue(response.body(), type));
        } catch (IOException e) {
            throw ownerUnavailable(owner + " did not answer for " + store + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ownerUnavailable("interrupted while asking " + owner);
        }
    }

    /** The owner could not be asked: a 503 for the caller (the read may work a moment later), the detail logged. */
    private static ErrorResponseException ownerUnavailable(String detail) {
        log.warn("Forwarded state read failed: {}", detail);
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "This record is kept by another instance, which did not answer; try again in a moment.");
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
