package io.modstream.moderation.dryrun;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The same comment JSON a site posts to comment-ingest, plus an optional {@code id} to tell NDJSON answers apart.
 * Fields the engine does not use (thread, parent) are accepted and ignored.
 *
 * @param id echoed on the answer
 * @param author optional; its id is used for nothing in a dry run (no history is consulted)
 * @param body the comment
 */
record DryRunRequest(
        @Nullable @Size(max = 200) String id,
        @Nullable @Valid Author author,
        @NotNull @NotBlank @Size(max = 20_000) String body) {

    /** The author, as in the ingest API. */
    record Author(
            @Nullable @Size(max = 200) String id,
            @Nullable @Size(max = 200) String name) {}
}
