package io.modstream.moderation.ops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The operator's confirmation of a replay: they type the topic's name again and say how many records they expect
 * to send, as the page showed them. A replay that would send any other number sends nothing.
 *
 * @param confirm the dead-letter topic's name, exactly
 * @param expected the number of records waiting to be replayed
 */
record ReplayRequest(
        @NotNull @Size(max = 249) @Nullable String confirm,

        @NotNull @Min(0) @Max(DeadLetterTopics.SCAN_LIMIT) @Nullable
        Long expected) {}
