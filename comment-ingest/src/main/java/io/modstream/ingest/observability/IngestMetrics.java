package io.modstream.ingest.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The service's own metrics, named for Prometheus as {@code modstream_*}:
 *
 * <ul>
 *   <li>{@code modstream_comments_received_total{site}}: comments accepted (202) and on Kafka;
 *   <li>{@code modstream_ingest_refused_total{site, reason}}: requests turned away before any work, by reason:
 *       {@code quota} (the site's comment quota is spent; answered 429, docs/limits.md);
 *   <li>{@code modstream_webhook_deliveries_total{site, result}}: webhook attempts by result: {@code delivered},
 *       {@code failed} (will be retried), {@code parked} (gave up; on the dead-letter topic), {@code dropped} (the
 *       site has no webhook any more).
 * </ul>
 */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String siteId) {
        Counter.builder("modstream.comments.received")
                .description("Comments accepted and on Kafka")
                .tag("site", siteId)
                .register(registry)
                .increment();
    }

    /** A request of {@code siteId} refused before it cost anything, and why ({@code quota}). */
    public void refused(String siteId, String reason) {
        Counter.builder("modstream.ingest.refused")
                .description("Requests refused before any work, by site and reason")
                .tag("site", siteId)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void webhook(String siteId, String result) {
        Counter.builder("modstream.webhook.deliveries")
                .description("Webhook delivery attempts by result")
                .tag("site", siteId)
                .tag("result", result)
                .register(registry)
                .increment();
    }
}
