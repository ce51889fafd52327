package io.modstream.ingest.webhook;

/**
 * One event to deliver to one site: the value on {@code webhooks.deliveries} (and its retry and dead-letter topics),
 * keyed by site id. It carries no URL and no secret: each attempt uses the site's registration at that moment, so a
 * re-registered site gets pending events at its new URL, signed with its new secret, and a deleted one gets nothing.
 * Internal to comment-ingest.
 *
 * @param schemaVersion 1
 * @param siteId whose event it is
 * @param event the body to POST
 */
record WebhookDelivery(int schemaVersion, String siteId, WebhookEvent event) {}
