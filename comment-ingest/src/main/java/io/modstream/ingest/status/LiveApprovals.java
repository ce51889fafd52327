package io.modstream.ingest.status;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Comments as the read side adds them to a thread's feed, for the live streams. Only the global thread emits; a
 * subscriber that cannot keep up misses approvals rather than holding the global thread up.
 */
@Component
class LiveApprovals {

    private final Sinks.Many<CommentStatus> approvals = Sinks.many().multicast().directBestEffort();

    void approved(CommentStatus comment) {
        approvals.tryEmitNext(comment);
    }

    Flux<CommentStatus> flux() {
        return approvals.asFlux();
    }
}
