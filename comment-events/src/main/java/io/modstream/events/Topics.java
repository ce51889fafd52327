package io.modstream.events;

/**
 * Kafka topic names. New comments are keyed by their author ({@link AuthorKeys}), so that each author's comments reach
 * the one task that holds the author's state; every later event about a comment is keyed by its comment id. Each
 * topic has exactly one writer.
 */
public final class Topics {

    /** New comments, keyed by {@link AuthorKeys#of(CommentSubmitted)}; written by comment-ingest. */
    public static final String COMMENTS_SUBMITTED = "comments.submitted";

    /** Comments cleared for display; written by moderation-service. */
    public static final String COMMENTS_APPROVED = "comments.approved";

    /** Comments that will not be shown, with reasons; written by moderation-service. */
    public static final String COMMENTS_REJECTED = "comments.rejected";

    /**
     * The flagged queue: comments held for a human moderator; written by moderation-service. Compacted: when a
     * moderator's decision is applied, a tombstone under the comment id takes it out of the queue.
     */
    public static final String COMMENTS_REVIEW = "comments.review";

    /**
     * Moderators' decisions on held comments; written by moderation-service's queue API, applied by its decision
     * listener. Kept forever: it is the audit trail.
     */
    public static final String MODERATION_DECISIONS = "moderation.decisions";

    /** Records of {@link #COMMENTS_SUBMITTED} that could not be read, with the cause in headers. */
    public static final String COMMENTS_SUBMITTED_DLT = COMMENTS_SUBMITTED + "-dlt";

    /** The outcome topic for a verdict. */
    public static String outcomeTopic(Verdict verdict) {
        return switch (verdict) {
            case APPROVE -> COMMENTS_APPROVED;
            case REJECT -> COMMENTS_REJECTED;
            case REVIEW -> COMMENTS_REVIEW;
        };
    }

    private Topics() {}
}
