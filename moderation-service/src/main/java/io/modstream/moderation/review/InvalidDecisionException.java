package io.modstream.moderation.review;

/** A record on {@code moderation.decisions} that is not a decision; it goes to the dead-letter topic, unretried. */
public final class InvalidDecisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidDecisionException(String message) {
        super(message);
    }
}
