package io.modstream.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives each site's signing secret and signs webhook bodies with it. The secret is
 * {@code hex(HMAC-SHA256(signingKey, siteId + ":" + registrationId))}: nothing needs to store it, every instance
 * derives the same one, and a new registration id (a new {@code PUT}) gives a new secret. A signature is
 * {@code hex(HMAC-SHA256(secret, timestamp + "." + body))}, with the secret's UTF-8 bytes as the key. Never logs
 * anything. Thread-safe and immutable.
 */
final class WebhookSigner {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final byte[] signingKey;

    WebhookSigner(String signingKey) {
        this.signingKey = signingKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The secret a site verifies signatures with, for one registration. */
    String secret(String siteId, String registrationId) {
        return hmacHex(signingKey, (siteId + ":" + registrationId).getBytes(StandardCharsets.UTF_8));
    }

    /** The value of the {@code Modstream-Signature} header for {@code body} sent at {@code unixSeconds}. */
    static String signatureHeader(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + signature(secret, unixSeconds, body);
    }

    /** {@code hex(HMAC-SHA256(secret, unixSeconds + "." + body))}. */
    static String signature(String secret, long unixSeconds, byte[] body) {
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return hmacHex(secret.getBytes(StandardCharsets.UTF_8), signed);
    }

    private static String hmacHex(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
