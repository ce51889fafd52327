package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import io.modstream.events.Verdict;

/**
 * What a check found and the verdict it asks for.
 *
 * @param reason the code, a message for the commenter, and the span in the original body
 * @param verdict what this finding alone would decide
 */
public record Finding(Reason reason, Verdict verdict) {}
