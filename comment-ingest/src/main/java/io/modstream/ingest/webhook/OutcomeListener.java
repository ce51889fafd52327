package io.modstream.ingest.webhook;

import io.modstream.events.CommentModerated;
import io.modstream.events.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each committed outcome of a site with a webhook into a delivery record on {@code webhooks.deliveries}. The
 * record is acknowledged by the broker before the outcome's offset is committed, so no outcome is skipped; after a
 * crash in between, the same delivery is written twice, with the same event id (at least once).
 *
 * <p>Outcomes decided before the site's webhook was first registered are not delivered, so a new consumer group
 * (which starts from the earliest outcome) does not send a site its history.
 */
@Component
@WebhooksEnabled
class OutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);

    private final WebhookRegistrations registrations;
    private final WebhookKafka kafka;
    private final JsonMapper json;

    OutcomeListener(WebhookRegistrations registrations, WebhookKafka kafka, JsonMapper json) {
        this.registrations = registrations;
        this.kafka = kafka;
        this.json = json;
    }

    @KafkaListener(
            id = "webhook-outcomes",
            groupId = "comment-ingest-webhook-outcomes",
            topics = {Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW},
            containerFactory = WebhookKafkaConfig.OUTCOMES_FACTORY)
    void onOutcome(ConsumerRecord<String, byte @Nullable []> record)
            throws InterruptedException, ExecutionException, TimeoutException {
        byte[] value = record.value();
        if (value == null) {
            return; // a held comment leaving the review queue; its decided outcome follows on its own topic
        }
        CommentModerated outcome = json.readValue(value, CommentModerated.class);
        WebhookRegistration registration = registrations.get(outcome.siteId());
        if (registration == null || outcome.decidedAt().isBefore(registration.deliveringSince())) {
            return;
        }
        WebhookEvent event = WebhookEvent.of(outcome);
        WebhookDelivery delivery = new WebhookDelivery(1, outcome.siteId(), event);
        kafka.send(WebhookTopics.DELIVERIES, outcome.siteId(), json.writeValueAsBytes(delivery))
                .get(30, TimeUnit.SECONDS);
        log.debug("Webhook event {} ({}) queued for site {}", event.eventId(), event.type(), outcome.siteId());
    }
}
