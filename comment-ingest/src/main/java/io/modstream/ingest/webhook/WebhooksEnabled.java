package io.modstream.ingest.webhook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Webhook beans exist only when a signing key is configured: without one, secrets could not be derived, so the
 * feature is off (its endpoints answer 404 and no outcome is consumed) rather than half on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(prefix = "modstream.ingest.webhooks", name = "signing-key")
@interface WebhooksEnabled {}
