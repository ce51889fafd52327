package io.modstream.moderation.authors;

import io.modstream.moderation.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read another instance forwards here because this one owns the author's partition ({@link Authors}). Only
 * instances that present the shared {@link ClusterToken} are answered; the answer comes from this instance's own
 * store and is never forwarded again, so a read that meets a rebalance fails instead of bouncing.
 */
@Hidden
@RestController
class InternalAuthorController {

    private final Authors authors;
    private final ClusterToken token;

    InternalAuthorController(Authors authors, ClusterToken token) {
        this.authors = authors;
        this.token = token;
    }

    @GetMapping(path = "/internal/v1/authors/{siteId}/{authorId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuthorState> author(
            @PathVariable String siteId,
            @PathVariable String authorId,
            @RequestHeader(name = ClusterToken.HEADER, required = false) @Nullable String presented) {
        if (!token.matches(presented)) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "Not an instance of this deployment.");
        }
        return Mono.fromCallable(() -> {
                    if (!authors.ownedHere(siteId, authorId)) {
                        throw Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE, "This instance does not own that author now.");
                    }
                    return authors.local(siteId, authorId).orElseGet(() -> AuthorState.fresh(siteId, authorId));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
