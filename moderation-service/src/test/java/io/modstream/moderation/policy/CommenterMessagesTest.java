package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Commenters read every reason in the site's language, whatever check reported it. */
class CommenterMessagesTest {

    /** The codes the checks report; PATTERN carries the site's own message and is left as written. */
    private static final List<String> CHECK_CODES = List.of(
            ReasonCodes.LINK,
            ReasonCodes.EMAIL,
            ReasonCodes.PII,
            ReasonCodes.MARKUP,
            ReasonCodes.BANNED_TERM,
            ReasonCodes.SUSPECT_TERM,
            ReasonCodes.SPAM,
            ReasonCodes.UNICODE,
            ReasonCodes.LENGTH,
            ReasonCodes.DUPLICATE,
            ReasonCodes.FLOOD);

    static Stream<Arguments> codesAndLanguages() {
        return CHECK_CODES.stream()
                .flatMap(code -> Stream.of(Language.values())
                        .filter(language -> language != Language.EN)
                        .map(language -> Arguments.of(code, language)));
    }

    @ParameterizedTest
    @MethodSource("codesAndLanguages")
    void everyCodeHasAMessageInEveryLanguage(String code, Language language) {
        Reason reworded = new Reason(code, "A sentence a check has not said before.", 3, 7);

        Reason translated = CommenterMessages.in(language).translate(reworded);

        assertThat(translated.message()).isNotBlank().isNotEqualTo(reworded.message());
        assertThat(translated)
                .extracting(Reason::code, Reason::start, Reason::end)
                .containsExactly(code, 3, 7);
    }

    /** Every message the checks write today, so a reworded check shows up here rather than in a general message. */
    @Test
    void everySentenceTheChecksWriteIsTranslated() {
        List<String> messages = new ArrayList<>();
        for (Check check : allChecks()) {
            for (String body : BODIES) {
                check.inspect(Submission.of(body)).forEach(f -> messages.add(f.message()));
            }
        }
        messages.add("You have already posted this comment.");
        messages.add("You are posting too fast; please wait a little.");
        messages.add("The comment contains far too much markup.");

        assertThat(messages).hasSizeGreaterThan(15);
        assertThat(messages)
                .allSatisfy(message ->
                        assertThat(CommenterMessages.knows(message)).as(message).isTrue());
    }

    @Test
    void theNumberInAMessageIsKept() {
        Reason tooLong = new Reason(ReasonCodes.LENGTH, "Comments may be at most 5000 characters long.", 0, 9);

        assertThat(CommenterMessages.in(Language.DE).translate(tooLong).message())
                .isEqualTo("Kommentare dürfen höchstens 5000 Zeichen lang sein.");
    }

    @Test
    void englishAndTheSitesOwnPatternMessagesAreLeftAsWritten() {
        Reason pattern = new Reason(ReasonCodes.PATTERN, "Keine Werbung, bitte.", 0, 1);
        Reason link = new Reason(ReasonCodes.LINK, LinkCheck.MESSAGE, 0, 1);

        assertThat(CommenterMessages.in(Language.FR).translate(pattern)).isEqualTo(pattern);
        assertThat(CommenterMessages.in(Language.EN).translate(link)).isEqualTo(link);
    }

    @Test
    void theEngineReportsInThePolicysLanguage() {
        Policy spanish = new Policy(
                "t",
                List.of(Checks.links(Action.REJECT, java.util.Set.of()), TermCheck.english(Action.REJECT)),
                Policy.MarkupPolicy.BASIC,
                java.util.Set.of(),
                Language.ES);

        Moderation moderation = new PolicyEngine(spanish).moderate("shit, see example.com");

        assertThat(moderation.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(moderation.reasons())
                .extracting(Reason::message)
                .containsExactlyInAnyOrder(
                        "Los comentarios no pueden contener enlaces a otros sitios web.",
                        "Este comentario contiene lenguaje que el sitio no permite.");
    }

    private static final List<String> BODIES = List.of(
            "see example.com",
            "mail me at anna@example.org",
            "call me on 020 7946 0958",
            "you shit",
            "you idiot",
            "a\u202Eb",
            "hi",
            "x".repeat(60),
            "<script>alert(1)</script>",
            "<span>hi</span>",
            "<b onclick=x>hi</b>",
            "nooooooooooooooooooooooo",
            "THIS IS ALL SHOUTING ABOUT THE COUNCIL TAX",
            "@a @b @c @d @e @f @g",
            "😀😀😀😀😀😀😀😀😀😀😀😀");

    private static List<Check> allChecks() {
        List<Check> checks = new ArrayList<>();
        checks.add(Checks.links(Action.REJECT, java.util.Set.of()));
        checks.add(Checks.emails(Action.MASK));
        checks.add(Checks.phones(Action.MASK));
        checks.add(TermCheck.english(Action.REJECT));
        checks.add(Checks.unicode(3, Action.STRIP));
        checks.add(Checks.length(5, 50, Action.REJECT));
        checks.add(Checks.spam(10, 0.7, 20, 5, 10, Action.REVIEW));
        for (Policy.MarkupPolicy keep : Policy.MarkupPolicy.values()) {
            for (Action action : List.of(Action.REJECT, Action.REVIEW, Action.STRIP)) {
                checks.add(Checks.markup(keep, action));
            }
        }
        return checks;
    }
}
