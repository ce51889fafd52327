package io.modstream.ingest.webhook;

import io.modstream.kafka.views.KeyedState;
import io.modstream.kafka.views.TopicView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every site's webhook registration as this instance knows it: read whole from {@code sites.webhooks} at start and
 * followed after, so every instance delivers with the same URL and secret. A change made here is published first
 * and applied here once the broker has it; other instances see it when their follower reads it. Thread-safe.
 */
@Component
@WebhooksEnabled
class WebhookRegistrations extends TopicView {

    private final KeyedState<WebhookRegistration> registrations;
    private final WebhookKafka kafka;
    private final JsonMapper json;

    WebhookRegistrations(
            KafkaConnectionDetails connection, KafkaProperties kafkaProperties, WebhookKafka kafka, JsonMapper json) {
        super(kafkaProperties);
        this.registrations = new KeyedState<>(
                "webhook-registrations",
                String.join(",", connection.getConsumer().getBootstrapServers()),
                WebhookTopics.REGISTRATIONS,
                WebhookRegistration.class,
                WebhookRegistration::revision,
                json);
        this.kafka = kafka;
        this.json = json;
    }

    /** The site's registration, or null when it has none. */
    @Nullable
    WebhookRegistration get(String siteId) {
        return registrations.get(siteId);
    }

    /** Registers {@code url} for the site with a fresh registration id; completes once the broker has it. */
    CompletableFuture<WebhookRegistration> register(String siteId, String url, Instant now) {
        WebhookRegistration old = registrations.get(siteId);
        WebhookRegistration next = new WebhookRegistration(
                1,
                old == null ? 1 : old.revision() + 1,
                siteId,
                url,
                UUID.randomUUID().toString(),
                now,
                old == null ? now : old.deliveringSince());
        return kafka.send(WebhookTopics.REGISTRATIONS, siteId, json.writeValueAsBytes(next))
                .thenApply(sent -> registrations.update(
                        siteId, mine -> mine == null || next.revision() >= mine.revision() ? next : mine));
    }

    /** Deletes the site's registration; completes once the broker has the tombstone. */
    CompletableFuture<Void> delete(String siteId) {
        return kafka.send(WebhookTopics.REGISTRATIONS, siteId, null)
                .thenAccept(sent -> registrations.update(siteId, mine -> null));
    }

    @Override
    protected List<Followed> followed() {
        return List.of(registrations);
    }
}
