package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modstream.events.ReasonCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RepeatCheckTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** The same text within 10 minutes; more than 3 posts within a minute. */
    private final RepeatCheck check = new RepeatCheck(
            new RepeatCheck.Limits(Duration.ofMinutes(10), Action.REJECT, 3, Duration.ofMinutes(1), Action.REVIEW));

    @Test
    void theSameTextWithinTheWindowIsADuplicateSpanningTheBody() {
        List<Finding> findings = check.inspect(submission("Great goal!", post(-300, "Great goal!")));

        assertThat(findings)
                .singleElement()
                .extracting(Finding::code, Finding::start, Finding::end, Finding::action)
                .containsExactly(ReasonCodes.DUPLICATE, 0, 11, Action.REJECT);
    }

    @Test
    void theSameTextOutsideTheWindowIsNot() {
        assertThat(check.inspect(submission("Great goal!", post(-601, "Great goal!"))))
                .isEmpty();
    }

    @Test
    void theWindowIncludesItsFarEnd() {
        assertThat(codes(submission("Great goal!", post(-600, "Great goal!")))).containsExactly(ReasonCodes.DUPLICATE);
    }

    @Test
    void caseWhiteSpaceAndPunctuationDoNotMakeATextNew() {
        assertThat(codes(submission("GREAT   goal", post(-60, "Great goal!!")))).containsExactly(ReasonCodes.DUPLICATE);
    }

    @Test
    void aDifferentTextIsNotADuplicate() {
        assertThat(check.inspect(submission("Great goal!", post(-60, "Great save!"))))
                .isEmpty();
    }

    @Test
    void commentsWithoutLettersOrDigitsAreNeverDuplicates() {
        // Regression: every emoji-only comment has the fingerprint of the empty text, so 👍 was a duplicate of ❤️.
        assertThat(check.inspect(submission("👍", post(-60, "❤️")))).isEmpty();
        assertThat(check.inspect(submission("?!", post(-60, "?!")))).isEmpty();
    }

    @Test
    void exactlyMaxPostsInTheFloodWindowIsFine() {
        // Two earlier posts and this one make three, the maximum.
        assertThat(check.inspect(submission("third", post(-50, "first"), post(-10, "second"))))
                .isEmpty();
    }

    @Test
    void oneMorePostIsAFloodSpanningTheBody() {
        List<Finding> findings = check.inspect(submission("fourth", post(-50, "a"), post(-30, "b"), post(-10, "c")));

        assertThat(findings)
                .singleElement()
                .extracting(Finding::code, Finding::start, Finding::end, Finding::action)
                .containsExactly(ReasonCodes.FLOOD, 0, 6, Action.REVIEW);
    }

    @Test
    void theFloodWindowIncludesItsFarEndAndNoMore() {
        assertThat(codes(submission("fourth", post(-60, "a"), post(-30, "b"), post(-10, "c"))))
                .containsExactly(ReasonCodes.FLOOD);
        assertThat(check.inspect(submission("fourth", post(-61, "a"), post(-30, "b"), post(-10, "c"))))
                .isEmpty();
    }

    @Test
    void aDuplicatePostedInAFloodIsBoth() {
        assertThat(codes(submission("spam", post(-40, "spam"), post(-20, "spam"), post(-5, "spam"))))
                .containsExactly(ReasonCodes.DUPLICATE, ReasonCodes.FLOOD);
    }

    @Test
    void postsFromTheFutureAreIgnored() {
        // Another instance's clock may run ahead; its posts must not count against this one.
        assertThat(check.inspect(submission("same", post(1, "same"), post(2, "a"), post(3, "b"), post(4, "c"))))
                .isEmpty();
    }

    @Test
    void aPostAtTheSameInstantCounts() {
        assertThat(codes(submission("same", post(0, "same")))).containsExactly(ReasonCodes.DUPLICATE);
    }

    @Test
    void noHistoryNoFindings() {
        assertThat(check.inspect(Submission.of("anything"))).isEmpty();
    }

    @Test
    void aNullWindowOrActionSwitchesThatHalfOff() {
        // Regression: a null window once threw from Instant.minus, as the Limits comment allows null.
        Submission both = submission("spam", post(-40, "spam"), post(-20, "spam"), post(-5, "spam"));

        assertThat(codes(
                        new RepeatCheck(new RepeatCheck.Limits(null, Action.REJECT, 3, Duration.ofMinutes(1), null)),
                        both))
                .isEmpty();
        assertThat(codes(
                        new RepeatCheck(new RepeatCheck.Limits(Duration.ofMinutes(10), null, 3, null, Action.REVIEW)),
                        both))
                .isEmpty();
        assertThat(codes(
                        new RepeatCheck(new RepeatCheck.Limits(
                                Duration.ofMinutes(10), Action.ALLOW, 3, Duration.ofMinutes(1), Action.REVIEW)),
                        both))
                .containsExactly(ReasonCodes.FLOOD);
    }

    @ParameterizedTest
    @MethodSource(UnicodeCheckTest.HOSTILE_BODIES)
    void hostileInputReturns(String body) {
        List<AuthorActivity.Post> posts = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            posts.add(new AuthorActivity.Post(NOW.minusMillis(i), TextFingerprint.of("post " + i)));
        }
        Submission submission = new Submission(body, "author-1", NOW, new AuthorActivity(posts));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check.inspect(submission));
    }

    private List<String> codes(Submission submission) {
        return codes(check, submission);
    }

    private static List<String> codes(Check check, Submission submission) {
        return check.inspect(submission).stream().map(Finding::code).toList();
    }

    private static Submission submission(String body, AuthorActivity.Post... posts) {
        return new Submission(body, "author-1", NOW, new AuthorActivity(List.of(posts)));
    }

    private static AuthorActivity.Post post(long secondsFromNow, String text) {
        return new AuthorActivity.Post(NOW.plusSeconds(secondsFromNow), TextFingerprint.of(text));
    }
}
