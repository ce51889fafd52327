package io.modstream.moderation.authors;

/** The key of everything kept about one author on one site: {@code siteId + "/" + authorId}. */
public final class AuthorKeys {

    private AuthorKeys() {}

    public static String of(String siteId, String authorId) {
        return siteId + "/" + authorId;
    }
}
