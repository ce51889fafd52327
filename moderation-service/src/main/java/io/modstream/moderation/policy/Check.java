package io.modstream.moderation.policy;

import java.util.List;

/**
 * One rule of a policy. A check looks at a submission and reports what it found, each finding with the action the
 * site chose; it never throws for content it dislikes. Implementations are immutable and thread-safe, and run in
 * time linear in the body.
 */
public interface Check {

    /** What this check objects to, in order of position; empty when it has nothing to say. */
    List<Finding> inspect(Submission submission);
}
