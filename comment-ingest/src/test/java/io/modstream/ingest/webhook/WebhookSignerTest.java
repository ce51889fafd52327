package io.modstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private final WebhookSigner signer = new WebhookSigner("test-signing-key-0123456789abcdef0123");

    @Test
    void secretIsTheHmacOfSiteAndRegistrationUnderTheSigningKey() {
        // printf %s 'site-a:reg-1' | openssl dgst -sha256 -hmac test-signing-key-0123456789abcdef0123
        assertThat(signer.secret("site-a", "reg-1")).isEqualTo(SECRET);
    }

    @Test
    void secretDiffersPerSiteAndPerRegistration() {
        assertThat(signer.secret("site-b", "reg-1")).isNotEqualTo(SECRET);
        assertThat(signer.secret("site-a", "reg-2")).isNotEqualTo(SECRET);
    }

    @Test
    void signatureHeaderIsTimestampAndHmacOfTimestampDotBody() {
        byte[] body = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
        // printf %s '1700000000.{"eventId":"e1"}' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSigner.signatureHeader(SECRET, 1_700_000_000L, body))
                .isEqualTo("t=1700000000,v1=" + SIGNATURE);
    }

    private static final String SECRET = "ea42c558bb34ad5c49a322182c5f558d1c74da53663c6d6f02125e7419a176ad";
    private static final String SIGNATURE = "9fcfcc04809e7d66e7a46524814972e3eae59ae493fc9c784526ceb4fdae1e21";
}
