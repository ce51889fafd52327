package io.modstream.ingest.webhook;

/** The topics of the webhooks; comment-ingest is the one writer of each. */
final class WebhookTopics {

    /** Compacted, keyed by site id: each site's registration; a tombstone once it is deleted. */
    static final String REGISTRATIONS = "sites.webhooks";

    /** Keyed by site id: one record per outcome to deliver. */
    static final String DELIVERIES = "webhooks.deliveries";

    /** Deliveries that failed every attempt, with the last cause in spring-kafka's {@code kafka_exception-*} and {@code kafka_original-*} headers. */
    static final String DELIVERIES_DLT = DELIVERIES + "-dlt";

    private WebhookTopics() {}
}
