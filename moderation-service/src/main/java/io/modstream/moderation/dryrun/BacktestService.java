package io.modstream.moderation.dryrun;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.policy.Submission;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a site's past comments from {@code comments.submitted} through the policy in force and a candidate, and
 * counts where their verdicts differ. Reads with its own consumer (no group, nothing committed) and publishes
 * nothing. Author history is not replayed, so the duplicate and flood checks see none. Bounded by the request's
 * {@code maxComments} and by {@value #MAX_SECONDS} seconds of reading. Thread-safe.
 */
@Component
class BacktestService {

    static final int MAX_EXAMPLES = 50;
    static final int MAX_SECONDS = 60;

    private final String bootstrapServers;
    private final JsonMapper json;

    BacktestService(KafkaConnectionDetails kafka, JsonMapper json) {
        this.bootstrapServers = String.join(",", kafka.getConsumer().getBootstrapServers());
        this.json = json;
    }

    BacktestReport run(SitePolicy current, SitePolicy candidate, Instant from, Instant to, int maxComments) {
        PolicyEngine now = current.engine();
        PolicyEngine next = candidate.engine();
        Map<String, Integer> transitions = new TreeMap<>();
        List<BacktestReport.Change> examples = new ArrayList<>();
        int comments = 0;
        int changed = 0;
        boolean truncated = false;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMENTS_SUBMITTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                starts.put(partition, from.toEpochMilli());
            }
            Map<TopicPartition, OffsetAndTimestamp> first = consumer.offsetsForTimes(starts);
            List<TopicPartition> open = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = first.get(partition);
                if (offset != null && offset.offset() < end.get(partition)) {
                    consumer.seek(partition, offset.offset());
                    open.add(partition);
                }
            }
            consumer.assign(open);
            Instant deadline = Instant.now().plusSeconds(MAX_SECONDS);
            while (!open.isEmpty() && !truncated && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.timestamp() >= to.toEpochMilli() || record.offset() >= end.get(partition) - 1) {
                        open.remove(partition);
                    }
                    if (record.timestamp() >= to.toEpochMilli()) {
                        continue;
                    }
                    CommentSubmitted comment = readable(record.value());
                    if (comment == null || !current.siteId().equals(comment.siteId()) || comment.body() == null) {
                        continue;
                    }
                    if (comments == maxComments) {
                        truncated = true;
                        break;
                    }
                    comments++;
                    Moderation before = now.moderate(Submission.of(comment.body()));
                    Moderation after = next.moderate(Submission.of(comment.body()));
                    if (before.verdict() != after.verdict()) {
                        changed++;
                        transitions.merge(before.verdict() + "->" + after.verdict(), 1, Integer::sum);
                        if (examples.size() < MAX_EXAMPLES) {
                            examples.add(new BacktestReport.Change(
                                    comment.commentId(), before.verdict(), after.verdict(), after.reasons()));
                        }
                    }
                }
                consumer.assign(open);
            }
            truncated |= !open.isEmpty();
        }
        return new BacktestReport(
                current.siteId(),
                from,
                to,
                current.policy().version(),
                candidate.policy().version(),
                comments,
                changed,
                transitions,
                examples,
                truncated);
    }

    private @Nullable CommentSubmitted readable(byte @Nullable [] value) {
        try {
            return value == null ? null : json.readValue(value, CommentSubmitted.class);
        } catch (RuntimeException unreadable) {
            return null; // the dead-letter topic has it; a backtest skips it
        }
    }

    private Map<String, Object> config() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
    }
}
