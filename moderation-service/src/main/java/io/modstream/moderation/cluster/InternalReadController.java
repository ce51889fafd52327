package io.modstream.moderation.cluster;

import io.modstream.moderation.pipeline.ModerationTopology;
import io.modstream.moderation.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read another instance forwards here because this one owns the key's partition ({@link StateReads}). Only
 * instances that present the shared {@link ClusterToken} are answered, only for the partitioned stores listed here,
 * and only from this instance's own store: a read that meets a rebalance answers 503 instead of bouncing on.
 */
@Hidden
@RestController
class InternalReadController {

    static final String PATH = "/internal/v1/stores";

    private static final Set<String> STORES = Set.of(
            ModerationTopology.AUTHOR_STORE, ModerationTopology.AUDIT_STORE, ModerationTopology.MODERATOR_AUDIT_STORE);

    private final StateReads reads;
    private final ClusterToken token;

    InternalReadController(StateReads reads, ClusterToken token) {
        this.reads = reads;
        this.token = token;
    }

    @GetMapping(path = PATH + "/{store}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Object> read(
            @PathVariable String store,
            @RequestParam String key,
            @RequestHeader(name = ClusterToken.HEADER, required = false) @Nullable String presented) {
        if (!token.matches(presented)) {
            throw Problems.of(
                    HttpStatus.UNAUTHORIZED,
                    "The " + ClusterToken.HEADER + " header is missing or is not this deployment's cluster token.");
        }
        if (!STORES.contains(store)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "No such store.");
        }
        return Mono.fromCallable(() -> {
                    if (!reads.ownedHere(store, key)) {
                        throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "This instance does not own that key now.");
                    }
                    return reads.local(store, key)
                            .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "Nothing under that key."));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
