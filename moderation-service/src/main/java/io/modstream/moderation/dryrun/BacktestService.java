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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a site's past comments from {@code comments.submitted} through the policy in force and a candidate, and
 * counts where their verdicts differ. Reads with its own consumer (no group, nothing committed) and publishes
 * nothing. Author history is not replayed, so the duplicate and flood checks see none. Bounded by the request's
 * {@code maxComments} and by {@code modstream.moderation.backtest.max-wait} of reading (60 s). Thread-safe.
 */
@Component
class BacktestService {

    static final int MAX_EXAMPLES = 50;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final JsonMapper json;
    private final Duration maxWait;

    BacktestService(
            KafkaConnectionDetails kafka,
            JsonMapper json,
            @Value("${modstream.moderation.backtest.max-wait:60s}") Duration maxWait) {
        this.bootstrapServers = String.join(",", kafka.getConsumer().getBootstrapServers());
        this.json = json;
        this.maxWait = maxWait;
    }

    /** Runs a backtest to the end without telling anyone how far it has got. */
    BacktestReport run(SitePolicy current, SitePolicy candidate, Instant from, Instant to, int maxComments) {
        return run(current, candidate, from, to, maxComments, progress -> true);
    }

    /**
     * Runs a backtest, telling {@code listener} how far it has got once before reading and then about every
     * {@link #PROGRESS_EVERY}; it stops early, truncated, when the listener answers false (nobody waits any more).
     */
    BacktestReport run(
            SitePolicy current,
            SitePolicy candidate,
            Instant from,
            Instant to,
            int maxComments,
            ProgressListener listener) {
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
            BacktestRange range = BacktestRange.of(consumer, partitions, from, to);
            List<TopicPartition> open = new ArrayList<>(range.start().keySet());
            range.start().forEach(consumer::seek);
            consumer.assign(open);
            Instant deadline = Instant.now().plus(maxWait);
            Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
            boolean wanted = listener.progress(range.progress(consumer, open, comments));
            while (!open.isEmpty() && !truncated && wanted && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= range.stop().get(partition)
                            || record.timestamp() < from.toEpochMilli()
                            || record.timestamp() >= to.toEpochMilli()) {
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
                // The position, not the last record seen, says a partition is done: a read_committed consumer moves
                // past transaction markers and aborted records without handing them out, so the record before the
                // end may never come (a transactional write ends the log with a marker).
                open.removeIf(partition ->
                        consumer.position(partition) >= range.stop().get(partition));
                consumer.pause(range.start().keySet().stream()
                        .filter(partition -> !open.contains(partition))
                        .toList());
                if (!Instant.now().isBefore(nextProgress)) {
                    wanted = listener.progress(range.progress(consumer, open, comments));
                    nextProgress = Instant.now().plus(PROGRESS_EVERY);
                }
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

    /** Told how far a backtest has got; answers whether to go on. */
    @FunctionalInterface
    interface ProgressListener {
        boolean progress(BacktestProgress progress);
    }
}
