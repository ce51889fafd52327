package io.modstream.moderation.apitokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The form of a token, {@code mst_<id>.<secret>}: a 96-bit id to find it by and a 256-bit random secret. A secret
 * that random needs no slow hash: SHA-256 cannot be reversed and there is nothing to guess, so checking a token costs
 * microseconds where a BCrypt password costs a third of a second. The stored hash is compared in constant time.
 *
 * @param id the public half
 * @param secret the private half, shown to its owner once
 */
record TokenSecret(String id, String secret) {

    static final String PREFIX = "mst_";
    private static final int ID_BYTES = 12;
    private static final int SECRET_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_LENGTH =
            BASE64URL.encodeToString(new byte[ID_BYTES]).length();
    private static final int SECRET_LENGTH =
            BASE64URL.encodeToString(new byte[SECRET_BYTES]).length();

    static TokenSecret random(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new TokenSecret(BASE64URL.encodeToString(id), BASE64URL.encodeToString(secret));
    }

    /** The token as the caller presents it, or null when {@code presented} does not have a token's form. */
    static @Nullable TokenSecret parse(String presented) {
        int dot = presented.indexOf('.');
        if (!presented.startsWith(PREFIX)
                || dot != PREFIX.length() + ID_LENGTH
                || presented.length() != dot + 1 + SECRET_LENGTH) {
            return null;
        }
        return new TokenSecret(presented.substring(PREFIX.length(), dot), presented.substring(dot + 1));
    }

    /** What the caller sends as {@code Authorization: Bearer}. */
    String token() {
        return PREFIX + id + "." + secret;
    }

    /** What is stored: SHA-256 of the secret, base64url. */
    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether this secret is the one {@code stored} was made from; takes the same time whatever the answer. */
    boolean matches(ApiToken stored) {
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), stored.secretHash().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "TokenSecret[id=" + id + "]";
    }
}
