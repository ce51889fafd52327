package io.modstream.ingest.webhook;

import java.time.Instant;

/**
 * A site's callback: the value on {@code sites.webhooks}, keyed by site id. It holds no secret; the secret is
 * derived from {@code registrationId} and the signing key whenever it is needed. Internal to comment-ingest.
 *
 * @param schemaVersion 1
 * @param revision rises by one with every registration of the site, so an older value never replaces a newer one
 * @param siteId the site
 * @param url where outcomes are POSTed
 * @param registrationId random per registration; a new one (hence a new secret) on every {@code PUT}
 * @param registeredAt when this URL and secret were registered
 * @param deliveringSince when the site's webhook was first registered, kept across re-registrations; outcomes
 *     decided before it are not delivered
 */
record WebhookRegistration(
        int schemaVersion,
        long revision,
        String siteId,
        String url,
        String registrationId,
        Instant registeredAt,
        Instant deliveringSince) {}
