package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ModeratorDecision;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Freezes the pipeline of one instance after it has sent one comment's outcome but before the transaction committed,
 * then lets a second instance take over, as a restarted or scaled-out service would. Every comment must end up with
 * exactly one committed outcome, and the one the frozen instance wrote must stay invisible to read_committed
 * consumers. The crash test with real kill -9s is {@code testing/load/crash-test.sh}.
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
        FreezeAfterOutcome freeze = new FreezeAfterOutcome(victim.commentId());

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

            // The first instance is now as good as dead: it never commits. A second one takes over its tasks once the
            // first misses its poll deadline, and the first's transaction is aborted when it times out.
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

    private static ConfigurableApplicationContext start(String group, @Nullable FreezeAfterOutcome freeze) {
        SpringApplicationBuilder app =
                new SpringApplicationBuilder(ModerationApplication.class).web(WebApplicationType.NONE);
        if (freeze != null) {
            app.initializers(context -> context.getBeanFactory().registerSingleton("freezeAfterOutcome", freeze));
        }
        // Arguments, not builder properties: those are defaults that application.yml would override.
        return app.run(
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                // Short deadlines so that the frozen instance loses its tasks and its transaction fast.
                "--spring.kafka.streams.properties.consumer.max.poll.interval.ms=6000",
                "--spring.kafka.streams.properties.producer.transaction.timeout.ms=6000");
    }

    /**
     * Blocks the stream thread right after the pipeline has sent the victim's outcome and before the transaction
     * commits: the state a process is in when it is killed at the worst moment.
     */
    static final class FreezeAfterOutcome implements PipelineEvents {

        final CountDownLatch frozen = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String victimId;

        FreezeAfterOutcome(String victimId) {
            this.victimId = victimId;
        }

        @Override
        public void moderated(CommentModerated outcome) {
            if (victimId.equals(outcome.commentId())) {
                frozen.countDown();
                awaitRelease();
            }
        }

        @Override
        public void decided(ModeratorDecision decision) {}

        @Override
        public void deadLettered(String deadLetterTopic) {}

        private void awaitRelease() {
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
