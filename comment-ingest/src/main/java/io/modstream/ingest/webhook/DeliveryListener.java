package io.modstream.ingest.webhook;

import io.modstream.ingest.observability.IngestMetrics;
import java.net.URI;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the records of {@code webhooks.deliveries} to the sites' callbacks. A failed attempt throws, and
 * spring-kafka's retry topics (configured in {@link WebhookKafkaConfig}) bring the record back to this method after
 * the next backoff delay; after the last attempt it is parked on {@code webhooks.deliveries-dlt}. Each attempt uses
 * the site's registration at that moment; a site without one (deleted) gets nothing and its record is dropped.
 */
@Component
@WebhooksEnabled
class DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);

    private final WebhookRegistrations registrations;
    private final WebhookSigner signer;
    private final WebhookSender sender;
    private final JsonMapper json;
    private final IngestMetrics metrics;

    DeliveryListener(
            WebhookRegistrations registrations,
            WebhookSigner signer,
            WebhookSender sender,
            JsonMapper json,
            IngestMetrics metrics) {
        this.registrations = registrations;
        this.signer = signer;
        this.sender = sender;
        this.json = json;
        this.metrics = metrics;
    }

    @KafkaListener(
            id = "webhook-deliveries",
            groupId = "comment-ingest-webhook-deliveries",
            topics = WebhookTopics.DELIVERIES,
            containerFactory = WebhookKafkaConfig.DELIVERIES_FACTORY)
    void deliver(ConsumerRecord<String, byte @Nullable []> record) throws InterruptedException {
        byte[] value = record.value();
        if (value == null) {
            return;
        }
        WebhookDelivery delivery = json.readValue(value, WebhookDelivery.class);
        WebhookRegistration registration = registrations.get(delivery.siteId());
        if (registration == null) {
            metrics.webhook(delivery.siteId(), "dropped");
            log.info(
                    "Webhook event {} dropped: site {} has no webhook any more",
                    delivery.event().eventId(),
                    delivery.siteId());
            return;
        }
        String secret = signer.secret(registration.siteId(), registration.registrationId());
        byte[] body = json.writeValueAsBytes(delivery.event());
        try {
            sender.send(URI.create(registration.url()), secret, delivery.event().eventId(), body);
        } catch (RuntimeException | InterruptedException failed) {
            metrics.webhook(delivery.siteId(), "failed");
            throw failed;
        }
        metrics.webhook(delivery.siteId(), "delivered");
        log.debug(
                "Webhook event {} delivered to site {} ({})",
                delivery.event().eventId(),
                delivery.siteId(),
                record.topic());
    }
}
