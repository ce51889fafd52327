package io.modstream.moderation.review;

import io.modstream.events.Verdict;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A moderator's decision on one held comment.
 *
 * @param action {@code APPROVE} or {@code REJECT}
 * @param reason shown to the author; optional
 * @param note private, for other moderators; optional
 */
public record DecisionRequest(
        @NotNull Verdict action,
        @Nullable @Size(max = 1000) String reason,
        @Nullable @Size(max = 2000) String note) {}
