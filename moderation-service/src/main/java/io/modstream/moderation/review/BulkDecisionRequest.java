package io.modstream.moderation.review;

import io.modstream.events.Verdict;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One decision on a selection of held comments.
 *
 * @param commentIds the selection, at most 100
 * @param action {@code APPROVE} or {@code REJECT}
 * @param reason shown to each author; optional
 * @param note private; optional
 */
public record BulkDecisionRequest(
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> commentIds,
        @NotNull Verdict action,
        @Nullable @Size(max = 1000) String reason,
        @Nullable @Size(max = 2000) String note) {}
