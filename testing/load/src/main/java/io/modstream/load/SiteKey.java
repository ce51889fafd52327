package io.modstream.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A made-up site API key for a benchmark run: the secret the load sends, and its SHA-256, which is all comment-ingest
 * is configured with.
 *
 * @param secret the key, as a site sends it
 */
record SiteKey(String secret) {

    static SiteKey random() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return new SiteKey("load-" + Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }

    String sha256Hex() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SiteKey[secret not shown]";
    }
}
