package io.modstream.moderation.authors;

import io.modstream.events.AuthorKeys;
import io.modstream.moderation.cluster.StateReads;
import io.modstream.moderation.pipeline.ModerationTopology;
import org.springframework.stereotype.Component;

/**
 * Reads an author's state ({@link AuthorState}) from the {@value ModerationTopology#AUTHOR_STORE} store of whichever
 * instance owns the author's partition. Blocking: call it off the event loop.
 */
@Component
public class Authors {

    private final StateReads reads;

    Authors(StateReads reads) {
        this.reads = reads;
    }

    /** The author's state; a fresh one for an author never seen. */
    public AuthorState state(String siteId, String authorId) {
        return reads.read(ModerationTopology.AUTHOR_STORE, AuthorKeys.of(siteId, authorId), AuthorState.class)
                .orElseGet(() -> AuthorState.fresh(siteId, authorId));
    }
}
