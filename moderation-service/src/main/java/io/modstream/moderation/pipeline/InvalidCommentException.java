package io.modstream.moderation.pipeline;

/**
 * A record on {@code comments.submitted} that parsed but cannot be a comment (a required field missing, a schema
 * version this code does not know). Retrying cannot help, so it goes straight to the dead-letter topic.
 */
class InvalidCommentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidCommentException(String message) {
        super(message);
    }
}
