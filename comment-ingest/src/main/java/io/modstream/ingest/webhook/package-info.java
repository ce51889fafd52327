/**
 * Signed webhooks: a site registers one callback URL, and every outcome of its comments is POSTed there, signed with
 * HMAC-SHA256 under a per-site secret, at least once. Registrations live in the compacted topic
 * {@code sites.webhooks}; outcomes become delivery records on {@code webhooks.deliveries}, retried through
 * spring-kafka's retry topics with exponential backoff and parked on {@code webhooks.deliveries-dlt} after the last
 * attempt, from where a site can replay them. Secrets are derived, never stored. Active only when
 * {@code modstream.ingest.webhooks.signing-key} is set.
 */
@NullMarked
package io.modstream.ingest.webhook;

import org.jspecify.annotations.NullMarked;
