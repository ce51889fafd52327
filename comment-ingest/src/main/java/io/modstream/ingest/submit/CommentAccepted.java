package io.modstream.ingest.submit;

/** The 202 answer: the id Modstream gave the comment and that it now awaits moderation. */
record CommentAccepted(String id, String status) {

    static CommentAccepted pending(String id) {
        return new CommentAccepted(id, "PENDING");
    }
}
