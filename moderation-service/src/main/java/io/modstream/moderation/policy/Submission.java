package io.modstream.moderation.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One comment as the engine sees it: the original body, who wrote it and when, and what that author did recently
 * (for the checks that compare a comment with earlier ones).
 *
 * <p>It also carries views of the body that several checks need (the de-obfuscated text, the e-mail addresses in
 * it, its fingerprint, a {@link TextProfile}), computed on first use and shared, so each is built once per comment. Because of those caches a submission is
 * for one thread: the engine moderates it on the caller's thread.
 */
public final class Submission {

    private final String body;
    private final String authorId;
    private final Instant submittedAt;
    private final AuthorActivity recent;
    private @Nullable DeobfuscatedText deobfuscated;
    private @Nullable List<Emails.Address> emailAddresses;
    private @Nullable String fingerprint;
    private @Nullable TextProfile profile;

    /**
     * @param body the original body, markup included
     * @param authorId the site's id of the author
     * @param submittedAt when the site submitted it
     * @param recent the author's recent activity on this site; {@link AuthorActivity#NONE} when unknown
     */
    public Submission(String body, String authorId, Instant submittedAt, AuthorActivity recent) {
        this.body = Objects.requireNonNull(body, "body");
        this.authorId = Objects.requireNonNull(authorId, "authorId");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.recent = Objects.requireNonNull(recent, "recent");
    }

    /** A submission with no known history, for text-only checks, dry runs and tests. */
    public static Submission of(String body) {
        return new Submission(body, "anonymous", Instant.EPOCH, AuthorActivity.NONE);
    }

    public String body() {
        return body;
    }

    public String authorId() {
        return authorId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public AuthorActivity recent() {
        return recent;
    }

    /**
     * The body's {@link TextFingerprint}, computed once: the duplicate check compares it with earlier posts, and the
     * pipeline remembers it as this post.
     */
    public String fingerprint() {
        String value = fingerprint;
        if (value == null) {
            value = TextFingerprint.of(body);
            fingerprint = value;
        }
        return value;
    }

    /** What one pass over the body learns for the spam check and the sanitising step. */
    TextProfile profile() {
        TextProfile value = profile;
        if (value == null) {
            value = TextProfile.of(body);
            profile = value;
        }
        return value;
    }

    /** The body with disguises undone (look-alike letters, spelled separators), mapped back to the original. */
    DeobfuscatedText deobfuscated() {
        DeobfuscatedText text = deobfuscated;
        if (text == null) {
            text = DeobfuscatedText.of(body);
            deobfuscated = text;
        }
        return text;
    }

    /** The e-mail addresses in {@link #deobfuscated()}, for the e-mail check and for links to skip them. */
    List<Emails.Address> emailAddresses() {
        List<Emails.Address> addresses = emailAddresses;
        if (addresses == null) {
            addresses = Emails.find(deobfuscated());
            emailAddresses = addresses;
        }
        return addresses;
    }
}
