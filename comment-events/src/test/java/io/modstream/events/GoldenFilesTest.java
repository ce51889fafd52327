package io.modstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden files are the wire contract. Each must read into the records and write back to the same JSON, so a
 * renamed or retyped field breaks here before it breaks a consumer.
 */
class GoldenFilesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void commentSubmittedRoundTrips() throws IOException {
        String golden = golden("comment-submitted.v1.json");

        CommentSubmitted comment = json.readValue(golden, CommentSubmitted.class);

        assertThat(comment.schemaVersion()).isEqualTo(CommentSubmitted.SCHEMA_VERSION);
        assertThat(comment.author().name()).isEqualTo("Ada");
        assertThat(comment.submittedAt()).isEqualTo(Instant.parse("2026-11-25T21:00:00.123Z"));
        assertThat(json.readTree(json.writeValueAsString(comment))).isEqualTo(json.readTree(golden));
    }

    @Test
    void commentModeratedRoundTrips() throws IOException {
        String golden = golden("comment-moderated.v1.json");

        CommentModerated outcome = json.readValue(golden, CommentModerated.class);

        assertThat(outcome.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(outcome.reasons())
                .containsExactly(
                        new Reason(ReasonCodes.LINK, "Comments may not contain links to other websites.", 16, 27));
        assertThat(outcome.comment().body().substring(16, 27)).isEqualTo("example.com");
        assertThat(Topics.outcomeTopic(outcome.verdict())).isEqualTo(Topics.COMMENTS_REJECTED);
        assertThat(json.readTree(json.writeValueAsString(outcome))).isEqualTo(json.readTree(golden));
    }

    @Test
    void moderatorDecisionRoundTrips() throws IOException {
        String golden = golden("moderator-decision.v1.json");

        ModeratorDecision decision = json.readValue(golden, ModeratorDecision.class);

        assertThat(decision.action()).isEqualTo(Verdict.REJECT);
        assertThat(decision.moderator()).isEqualTo("maria");
        assertThat(decision.held().verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(decision.held().comment().body().substring(4, 9)).isEqualTo("idiot");
        assertThat(json.readTree(json.writeValueAsString(decision))).isEqualTo(json.readTree(golden));
    }

    @Test
    void aDecisionIsAnApproveOrAReject() {
        assertThatThrownBy(() -> new ModeratorDecision(
                        1, "d", "c", "s", Verdict.REVIEW, null, null, "m", java.time.Instant.EPOCH, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readersIgnoreFieldsAddedByNewerWriters() throws IOException {
        JsonNode withExtra = json.readTree(golden("comment-submitted.v1.json"));
        ((tools.jackson.databind.node.ObjectNode) withExtra).put("addedLater", "ignored");

        CommentSubmitted comment = json.treeToValue(withExtra, CommentSubmitted.class);

        assertThat(comment.commentId()).isEqualTo("3f1c2a9e-6d0b-4d3e-9a57-2f8e1c4b7d10");
    }

    @Test
    void strictestVerdictWins() {
        assertThat(Verdict.APPROVE.strictest(Verdict.REVIEW)).isEqualTo(Verdict.REVIEW);
        assertThat(Verdict.REJECT.strictest(Verdict.REVIEW)).isEqualTo(Verdict.REJECT);
        assertThat(Verdict.APPROVE.strictest(Verdict.APPROVE)).isEqualTo(Verdict.APPROVE);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(GoldenFilesTest.class.getResourceAsStream("/golden/" + name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
