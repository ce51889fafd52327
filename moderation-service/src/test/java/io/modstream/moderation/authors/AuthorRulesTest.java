package io.modstream.moderation.authors;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import io.modstream.moderation.policy.Action;
import io.modstream.moderation.policy.Checks;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.Policy;
import io.modstream.moderation.policy.PolicyEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an author's standing and record do to the engine's answer, rule by rule. */
class AuthorRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Moderation CLEAN = new Moderation(Verdict.APPROVE, List.of(), "hi", "hi", "s/v1", Set.of());
    private static final Moderation SUSPECT = new Moderation(
            Verdict.REVIEW,
            List.of(new Reason(ReasonCodes.SUSPECT_TERM, "held", 4, 9)),
            "You idiot",
            "You idiot",
            "s/v1",
            Set.of(ReasonCodes.SUSPECT_TERM));
    private static final Moderation SUSPECT_AND_SPAM = new Moderation(
            Verdict.REVIEW,
            List.of(new Reason(ReasonCodes.SUSPECT_TERM, "held", 4, 9), new Reason(ReasonCodes.SPAM, "caps", 0, 9)),
            "YOU IDIOT",
            "YOU IDIOT",
            "s/v1",
            Set.of(ReasonCodes.SUSPECT_TERM, ReasonCodes.SPAM));

    private final AuthorStanding ordinary = AuthorStanding.ordinary("s", "a");
    private final AuthorHistory veteran = new AuthorHistory(1, 5, "s", "a", 5, 0, 0, List.of());
    private final AuthorHistory newcomer = AuthorHistory.empty("s", "a");

    @Test
    void anOrdinaryAuthorGetsTheEnginesAnswerUnchanged() {
        assertThat(AuthorRules.apply(SUSPECT, ordinary, veteran, 3, NOW)).isSameAs(SUSPECT);
        assertThat(AuthorRules.apply(CLEAN, ordinary, veteran, 3, NOW)).isSameAs(CLEAN);
    }

    @Test
    void aBannedAuthorIsRejectedWhateverTheySay() {
        Moderation answer = AuthorRules.apply(CLEAN, act(AuthorAction.Kind.BAN, null), veteran, 0, NOW);
        assertThat(answer.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(answer.reasons()).extracting(Reason::code).containsExactly(ReasonCodes.AUTHOR_BANNED);
    }

    /** Issue 11: a trusted author's approved comment carried "This comment is held for a moderator…". */
    @Test
    void aTrustedAuthorsApprovedCommentIsNotSaidToBeHeld() {
        PolicyEngine engine = new PolicyEngine(new Policy(
                "s/v1",
                List.of(Checks.terms(true, Action.REJECT, List.of(), List.of(), List.of())),
                Policy.MarkupPolicy.BASIC));
        Moderation held = engine.moderate("You idiot");
        assertThat(held.verdict()).isEqualTo(Verdict.REVIEW);

        Moderation answer = AuthorRules.apply(held, act(AuthorAction.Kind.TRUST, null), veteran, 0, NOW);

        assertThat(answer.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(answer.reasons()).extracting(Reason::message).noneMatch(message -> message.contains("held"));
    }

    @Test
    void aSuspensionRejectsUntilItEnds() {
        AuthorStanding suspended = act(AuthorAction.Kind.SUSPEND, Duration.ofDays(2));
        Moderation during = AuthorRules.apply(CLEAN, suspended, veteran, 0, NOW.plus(Duration.ofDays(1)));
        Moderation after = AuthorRules.apply(CLEAN, suspended, veteran, 0, NOW.plus(Duration.ofDays(3)));
        assertThat(during.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(during.reasons().get(0).message())
                .isEqualTo("You cannot comment on this site until 27 Nov 2026 12:00 UTC.");
        assertThat(after).isSameAs(CLEAN);
    }

    @Test
    void preModerationHoldsEvenACleanComment() {
        Moderation answer = AuthorRules.apply(CLEAN, act(AuthorAction.Kind.PREMODERATE, null), veteran, 0, NOW);
        assertThat(answer.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(answer.reasons()).extracting(Reason::code).containsExactly(ReasonCodes.PREMODERATED);
    }

    @Test
    void aNewAuthorsFirstCommentsAreHeldWhereTheSiteAsks() {
        AuthorHistory twoSoFar = new AuthorHistory(1, 2, "s", "a", 1, 0, 1, List.of());
        assertThat(AuthorRules.apply(CLEAN, ordinary, newcomer, 2, NOW).verdict())
                .isEqualTo(Verdict.REVIEW);
        assertThat(AuthorRules.apply(CLEAN, ordinary, twoSoFar, 2, NOW)).isSameAs(CLEAN);
        assertThat(AuthorRules.apply(CLEAN, ordinary, newcomer, 0, NOW)).isSameAs(CLEAN);
    }

    @Test
    void trustApprovesWhatWasHeldOnlyForSuspectTerms() {
        AuthorStanding trusted = act(AuthorAction.Kind.TRUST, null);
        Moderation answer = AuthorRules.apply(SUSPECT, trusted, newcomer, 3, NOW);
        assertThat(answer.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(answer.reasons()).extracting(Reason::code).containsExactly(ReasonCodes.SUSPECT_TERM);
        assertThat(AuthorRules.apply(SUSPECT_AND_SPAM, trusted, veteran, 0, NOW).verdict())
                .isEqualTo(Verdict.REVIEW);
    }

    @Test
    void trustEndsABanAndABanEndsTrust() {
        AuthorStanding banned = act(AuthorAction.Kind.BAN, null);
        AuthorStanding trustedAgain =
                banned.after(new AuthorAction(AuthorAction.Kind.TRUST, null, null, null), "mod", NOW);
        assertThat(trustedAgain.banned()).isFalse();
        assertThat(trustedAgain.trusted()).isTrue();
        assertThat(trustedAgain.note()).isEqualTo("why");
        assertThat(trustedAgain.revision()).isEqualTo(banned.revision() + 1);
        assertThat(trustedAgain
                        .after(new AuthorAction(AuthorAction.Kind.BAN, null, null, null), "mod", NOW)
                        .trusted())
                .isFalse();
    }

    @Test
    void anActionIsCheckedBeforeItIsApplied() {
        assertThat(new AuthorAction(AuthorAction.Kind.SUSPEND, null, null, null).problem())
                .contains("duration");
        assertThat(new AuthorAction(AuthorAction.Kind.SUSPEND, Duration.ofDays(400), null, null).problem())
                .contains("at most a year");
        assertThat(new AuthorAction(AuthorAction.Kind.BAN, Duration.ofDays(1), null, null).problem())
                .contains("Only a suspension");
        assertThat(new AuthorAction(AuthorAction.Kind.TRUST, null, null, true).problem())
                .contains("pending");
        assertThat(new AuthorAction(AuthorAction.Kind.BAN, null, null, true).problem())
                .isNull();
    }

    private AuthorStanding act(AuthorAction.Kind kind, Duration duration) {
        return ordinary.after(new AuthorAction(kind, duration, "why", null), "mod", NOW);
    }
}
