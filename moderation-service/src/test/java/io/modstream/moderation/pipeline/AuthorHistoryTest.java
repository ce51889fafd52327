package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import io.modstream.moderation.ModerationApplication;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The duplicate check remembers an author's posts in Kafka: a restarted service still knows what the author posted
 * before it went down, and an author's comments meet one state however they were keyed.
 */
class AuthorHistoryTest {

    private final SubmittedComments comments =
            new SubmittedComments(new TopicClient(KafkaTestBroker.bootstrapServers()));

    @Test
    void sameTextAgainIsADuplicateEvenAfterARestart() {
        String author = "author-" + UUID.randomUUID();
        String group = "author-history-test-" + System.nanoTime();
        CommentSubmitted first = SubmittedComments.comment(author, "The station needs both crews to work.");
        CommentSubmitted again = SubmittedComments.comment(author, "The station needs BOTH crews to work!!");
        CommentSubmitted afterRestart = SubmittedComments.comment(author, "the station needs both crews to work");

        try (ConfigurableApplicationContext service = start(group)) {
            comments.submit(first);
            assertThat(outcome(first).verdict()).isEqualTo(Verdict.APPROVE);
            comments.submit(again);
            CommentModerated duplicate = outcome(again);
            assertThat(duplicate.verdict()).isEqualTo(Verdict.REJECT);
            assertThat(duplicate.reasons()).extracting(r -> r.code()).contains(ReasonCodes.DUPLICATE);
            assertThat(service.isRunning()).isTrue();
        }

        try (ConfigurableApplicationContext restarted = start(group)) {
            comments.submit(afterRestart);
            assertThat(outcome(afterRestart).reasons())
                    .extracting(r -> r.code())
                    .contains(ReasonCodes.DUPLICATE);
            assertThat(restarted.isRunning()).isTrue();
        }
    }

    @Test
    void commentsKeyedByIdAndByAuthorMeetTheSameAuthorState() {
        String author = "author-" + UUID.randomUUID();
        CommentSubmitted keyedById = SubmittedComments.comment(author, "Both crews docked before the storm arrived.");
        CommentSubmitted keyedByAuthor =
                SubmittedComments.comment(author, "both crews docked before the storm arrived");
        CommentSubmitted keyedByIdAgain =
                SubmittedComments.comment(author, "Both crews DOCKED before the storm arrived!");

        try (ConfigurableApplicationContext service = start("author-keys-test-" + System.nanoTime())) {
            // The first takes the repartition topic, the second goes straight to the author's task: one state.
            comments.submitKeyedById(keyedById);
            assertThat(outcome(keyedById).verdict()).isEqualTo(Verdict.APPROVE);
            comments.submit(keyedByAuthor);
            assertThat(outcome(keyedByAuthor).reasons())
                    .extracting(r -> r.code())
                    .contains(ReasonCodes.DUPLICATE);
            comments.submitKeyedById(keyedByIdAgain);
            assertThat(outcome(keyedByIdAgain).reasons())
                    .extracting(r -> r.code())
                    .contains(ReasonCodes.DUPLICATE);
            assertThat(service.isRunning()).isTrue();
        }
    }

    private CommentModerated outcome(CommentSubmitted comment) {
        var records = comments.committedOutcomes(Set.of(comment.commentId()));
        assertThat(records).hasSize(1);
        return comments.parse(records.get(0));
    }

    private static ConfigurableApplicationContext start(String group) {
        return new SpringApplicationBuilder(ModerationApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                        "--spring.kafka.consumer.group-id=" + group);
    }
}
