package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The pipeline against a real broker: comments in on {@code comments.submitted}, outcomes out. The context is closed
 * afterwards: a cached one would go on moderating every comment later tests submit, as a second writer.
 */
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.kafka.consumer.group-id=moderation-pipeline-test",
            "modstream.moderation.warm-up.comments=200"
        })
class ModerationPipelineTest {

    @Autowired
    private PipelineWarmUpRunner warmUp;

    @Autowired
    private OutcomeCount outcomeCount;

    private final TopicClient topics = new TopicClient(KafkaTestBroker.bootstrapServers());
    private final SubmittedComments comments = new SubmittedComments(topics);

    @Test
    void cleanCommentIsApprovedOnItsTopic() {
        CommentSubmitted comment = SubmittedComments.comment("Great article, thanks!");
        comments.submit(comment);

        ConsumerRecord<String, String> record = onlyOutcome(comment);
        CommentModerated outcome = comments.parse(record);

        assertThat(record.topic()).isEqualTo(Topics.COMMENTS_APPROVED);
        assertThat(outcome.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(outcome.reasons()).isEmpty();
        assertThat(outcome.sanitizedText()).isEqualTo("Great article, thanks!");
        assertThat(outcome.policyVersion()).isEqualTo("default/v1");
        assertThat(outcome.comment()).isEqualTo(comment);
        assertThat(outcome.decidedAt()).isAfterOrEqualTo(comment.submittedAt());
    }

    @Test
    void commentWithALinkIsRejectedWithTheLinkSpanned() {
        CommentSubmitted comment = SubmittedComments.comment("Read more at https://example.com today");
        comments.submit(comment);

        ConsumerRecord<String, String> record = onlyOutcome(comment);
        CommentModerated outcome = comments.parse(record);

        assertThat(record.topic()).isEqualTo(Topics.COMMENTS_REJECTED);
        assertThat(outcome.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(outcome.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCodes.LINK);
            assertThat(comment.body().substring(reason.start(), reason.end())).isEqualTo("https://example.com");
        });
    }

    @Test
    void unreadableRecordIsDeadLetteredWithItsCauseAndTheNextCommentStillFlows() {
        String poisonKey = "poison-" + System.nanoTime();
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        topics.send(Topics.COMMENTS_SUBMITTED, poisonKey, poison);
        CommentSubmitted next = SubmittedComments.comment("I come after the poison");
        comments.submit(next);

        ConsumerRecord<String, String> deadLetter = deadLetter(poisonKey);

        assertThat(deadLetter.value()).isEqualTo("{not json");
        // The parser's own failure names what was wrong with the bytes.
        assertThat(TopicClient.header(deadLetter, "kafka_dlt-exception-fqcn")).startsWith("tools.jackson.core");
        assertThat(TopicClient.header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.COMMENTS_SUBMITTED);
        assertThat(onlyOutcome(next).topic()).isEqualTo(Topics.COMMENTS_APPROVED);
    }

    @Test
    void readableRecordThatIsNoCommentIsDeadLetteredWithTheReason() {
        String key = "bodiless-" + System.nanoTime();
        String json = "{\"schemaVersion\":1,\"commentId\":\"" + key
                + "\",\"siteId\":\"demo-site\",\"author\":{\"id\":\"a\",\"name\":\"A\"},"
                + "\"submittedAt\":\"2026-11-25T21:00:00Z\"}";
        topics.send(Topics.COMMENTS_SUBMITTED, key, json.getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, String> deadLetter = deadLetter(key);

        assertThat(TopicClient.header(deadLetter, "kafka_dlt-exception-message"))
                .contains("body is required");
        // The dead letter committed with the offset, so any outcome would already be in the log.
        assertThat(comments.outcomes(Set.of(key), false, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theWarmUpRunsAtStartAndWritesNothingToTheBroker() throws Exception {
        PipelineWarmUp.Result result = warmUp.finished().get(2, TimeUnit.MINUTES);
        assertThat(result).isNotNull();
        // It gives way to real comments, and this class's other tests may have moderated a few already.
        assertThat(result.comments()).isPositive();
        assertThat(result.comments() + result.realOutcomes()).isGreaterThanOrEqualTo(200);

        // A real comment after it: its outcome is on the broker, and none of the made-up ones is. The warm-up reads
        // the real outcomes from the same count, which the made-up ones did not move.
        long realBefore = outcomeCount.total();
        CommentSubmitted comment = SubmittedComments.comment("After the warm-up");
        comments.submit(comment);
        onlyOutcome(comment);
        assertThat(realBefore).isLessThan(200);
        assertThat(outcomeCount.total()).isGreaterThan(realBefore);
        List<ConsumerRecord<String, String>> all = topics.read(
                List.of(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW),
                true,
                Duration.ofSeconds(5),
                seen -> false);
        assertThat(all).isNotEmpty().noneMatch(record -> record.key().startsWith("warm-up-"));
    }

    private ConsumerRecord<String, String> onlyOutcome(CommentSubmitted comment) {
        List<ConsumerRecord<String, String>> outcomes = comments.committedOutcomes(Set.of(comment.commentId()));
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private ConsumerRecord<String, String> deadLetter(String key) {
        List<ConsumerRecord<String, String>> deadLetters = topics
                .read(
                        List.of(Topics.COMMENTS_SUBMITTED_DLT),
                        true,
                        Duration.ofSeconds(60),
                        seen -> seen.stream().anyMatch(r -> key.equals(r.key())))
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
        assertThat(deadLetters).hasSize(1);
        return deadLetters.get(0);
    }
}
