package io.modstream.moderation.cluster;

import io.modstream.moderation.ModerationProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The secret instances show each other when one forwards a read to the owner of a key. Only its SHA-256 digest is
 * kept for checking, compared in constant time; the token itself is sent, never logged.
 */
@Component
public class ClusterToken {

    /** The request header that carries it. */
    public static final String HEADER = "Modstream-Cluster-Token";

    private final String token;
    private final byte[] digest;

    ClusterToken(ModerationProperties properties) {
        String configured = properties.cluster().token();
        this.token = configured != null ? configured : madeUp();
        this.digest = sha256(token);
    }

    /** The token itself, to present to another instance; never log it. */
    String value() {
        return token;
    }

    /** Whether {@code presented} is the deployment's token. */
    public boolean matches(@Nullable String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static String madeUp() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
