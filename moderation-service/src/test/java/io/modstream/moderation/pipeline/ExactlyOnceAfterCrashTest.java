package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentSubmitted;
import io.modstream.moderation.ModerationApplication;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Kills the processing of one comment after its outcome was written but before the transaction committed, then lets
 * a second instance take over, as a restarted or scaled-out service would. Every comment must end up with exactly one
 * committed outcome, and the one the dead instance wrote must stay invisible to read_committed consumers.
 */
class ExactlyOnceAfterCrashTest {

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final SubmittedComments comments = new SubmittedComments(topics);

    @Test
    void commentWhoseProcessingDiedMidTransactionGetsExactlyOneOutcome() throws Exception {
        String group = "exactly-once-test-" + System.nanoTime();
        List<CommentSubmitted> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(SubmittedComments.comment(i % 3 == 0 ? "spam at example.com " + i : "comment " + i));
        }
        CommentSubmitted victim = batch.get(5);
        Set<String> ids = batch.stream().map(CommentSubmitted::commentId).collect(Collectors.toSet());
        FreezeAfterListener freeze = new FreezeAfterListener(victim.commentId());

        ConfigurableApplicationContext first = start(group, freeze);
        try {
            batch.forEach(comments::submit);
            assertThat(freeze.frozen.await(60, TimeUnit.SECONDS))
                    .as("the first instance reached the victim")
                    .isTrue();

            // Mid-transaction: the victim's outcome is in the log, but no downstream consumer may see it.
            assertThat(comments.outcomes(Set.of(victim.commentId()), false, Duration.ofSeconds(30)))
                    .hasSize(1);
            assertThat(comments.outcomes(Set.of(victim.commentId()), true, Duration.ofSeconds(2)))
                    .isEmpty();

            // The first instance is now as good as dead: it never commits. A second one takes over its partitions
            // once the first misses its poll deadline, and the first's transaction is aborted when it times out.
            ConfigurableApplicationContext second = start(group, null);
            try {
                List<ConsumerRecord<String, String>> committed = comments.committedOutcomes(ids);
                Map<String, Long> outcomesPerComment =
                        committed.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
                assertThat(outcomesPerComment).hasSize(ids.size());
                assertThat(outcomesPerComment.values()).allMatch(count -> count == 1);

                // The log really holds two outcomes for the victim: the aborted one and the committed one.
                assertThat(comments.outcomes(Set.of(victim.commentId()), false, Duration.ofSeconds(2)))
                        .hasSize(2);
            } finally {
                freeze.release.countDown();
                second.close();
            }
        } finally {
            freeze.release.countDown();
            first.close();
        }
    }

    private static ConfigurableApplicationContext start(String group, @Nullable FreezeAfterListener freeze) {
        SpringApplicationBuilder app =
                new SpringApplicationBuilder(ModerationApplication.class).web(WebApplicationType.NONE);
        if (freeze != null) {
            app.initializers(context -> context.getBeanFactory().registerSingleton("freezeAfterListener", freeze));
        }
        // Arguments, not builder properties: those are defaults that application.yml would override.
        return app.run(
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                // Short deadlines so that the frozen instance loses its partitions and its transaction fast.
                "--spring.kafka.consumer.properties.max.poll.interval.ms=6000",
                "--spring.kafka.producer.properties.transaction.timeout.ms=6000");
    }

    /**
     * Blocks the listener thread right after the listener has sent the victim's outcome and before the container
     * commits the transaction: the state a process is in when it is killed at the worst moment.
     */
    static final class FreezeAfterListener implements RecordInterceptor<Object, Object> {

        final CountDownLatch frozen = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String victimId;

        FreezeAfterListener(String victimId) {
            this.victimId = victimId;
        }

        @Override
        public @Nullable ConsumerRecord<Object, Object> intercept(
                ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            return record;
        }

        @Override
        public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            if (victimId.equals(record.key())) {
                frozen.countDown();
                awaitRelease();
            }
        }

        private void awaitRelease() {
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
