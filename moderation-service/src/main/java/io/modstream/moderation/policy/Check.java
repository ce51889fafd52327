package io.modstream.moderation.policy;

import java.util.List;

/**
 * One rule of a policy. A check looks at the original body and reports what it found; it never throws for content
 * it dislikes. Implementations are immutable and thread-safe.
 */
public interface Check {

    /** What this check objects to in {@code body}, in order of position; empty when it has nothing to say. */
    List<Finding> inspect(String body);
}
