package io.modstream.ingest.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a site's parked deliveries back on {@code webhooks.deliveries}, to be attempted again from the first attempt.
 *
 * <p>Each site has its own consumer group on the dead-letter topic ({@code comment-ingest-webhook-replay-<site>});
 * a replay reads from where the site's last replay stopped to the end the topic had when it began, republishes the
 * site's records (each event once, however often it was parked), and then commits that end. So a second replay
 * re-sends only what was parked since the first, including deliveries that failed again. Two replays of one site
 * at the same moment on two instances can both send the same records: receivers de-duplicate by event id anyway.
 * Replays of one site on one instance run one at a time.
 */
@Component
@WebhooksEnabled
class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private final WebhookKafka kafka;
    private final JsonMapper json;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    DeadLetterReplay(WebhookKafka kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** Republishes the site's parked deliveries; answers how many. Blocking. */
    int replay(String siteId) throws Exception {
        synchronized (locks.computeIfAbsent(siteId, id -> new Object())) {
            return replayAlone(siteId);
        }
    }

    private int replayAlone(String siteId) throws Exception {
        String group = "comment-ingest-webhook-replay-" + siteId;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumerConfig(group))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(WebhookTopics.DELIVERIES_DLT, READ_LIMIT)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from);
                }
            }

            Set<String> eventIds = new HashSet<>();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (!readToEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + WebhookTopics.DELIVERIES_DLT + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))
                            || !siteId.equals(record.key())
                            || record.value() == null) {
                        continue;
                    }
                    String eventId = eventId(record);
                    if (eventId != null && eventIds.add(eventId)) {
                        sends.add(kafka.send(WebhookTopics.DELIVERIES, siteId, record.value()));
                    }
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done);
            log.info("Replayed {} parked webhook deliveries of site {}", sends.size(), siteId);
            return sends.size();
        }
    }

    private static boolean readToEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private @Nullable String eventId(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readValue(record.value(), WebhookDelivery.class).event().eventId();
        } catch (RuntimeException e) {
            // Parked because it could not be read; replaying it would only park it again.
            log.warn(
                    "Not replaying unreadable parked delivery {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return null;
        }
    }
}
