package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    /** Links rejected and basic formatting kept: the engine's own behaviour, apart from any other check. */
    private final PolicyEngine engine = new PolicyEngine(
            new Policy("news-default-1", List.of(new LinkCheck(Action.REJECT)), Policy.MarkupPolicy.BASIC));

    @Test
    void plainCommentIsApprovedWithoutReasons() {
        Moderation moderation = engine.moderate("Great article, thanks!");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.reasons()).isEmpty();
        assertThat(moderation.sanitizedText()).isEqualTo("Great article, thanks!");
        assertThat(moderation.policyVersion()).isEqualTo("news-default-1");
    }

    @Test
    void everyLinkIsReportedAndTheCommentRejected() {
        Moderation moderation = engine.moderate("see example.com and https://example.org/x");

        assertThat(moderation.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(moderation.reasons())
                .extracting(r -> r.code() + "@" + r.start() + "-" + r.end())
                .containsExactly(ReasonCodes.LINK + "@4-15", ReasonCodes.LINK + "@20-41");
    }

    @Test
    void scriptNeverSurvivesInTextOrHtml() {
        Moderation moderation = engine.moderate("<b>hi</b><script>alert(1)</script>");

        assertThat(moderation.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(moderation.sanitizedHtml()).isEqualTo("<b>hi</b>");
        assertThat(moderation.sanitizedText()).isEqualTo("hi");
    }

    @Test
    void eventHandlerAttributesAreDroppedAndTheirElementsKept() {
        Moderation moderation = engine.moderate("<p onclick=\"steal()\">fine <img src=x onerror=alert(1)>text</p>");

        assertThat(moderation.sanitizedHtml()).isEqualTo("<p>fine text</p>");
        assertThat(moderation.sanitizedText()).isEqualTo("fine text");
    }

    @Test
    void textKeepsLineBreaksAndDecodesEntities() {
        Moderation moderation = engine.moderate("Fish &amp; chips\nare <em>great</em> & cheap");

        assertThat(moderation.sanitizedText()).isEqualTo("Fish & chips\nare great & cheap");
        assertThat(moderation.sanitizedHtml()).isEqualTo("Fish &amp; chips\nare <em>great</em> &amp; cheap");
    }

    @Test
    void lineBreakTagBecomesALineBreakInTheText() {
        Moderation moderation = engine.moderate("one<br>two");

        assertThat(moderation.sanitizedText()).isEqualTo("one\ntwo");
        assertThat(moderation.sanitizedHtml()).isEqualTo("one<br>two");
    }

    @Test
    void javascriptUrlInALinkLeavesNoLinkBehind() {
        Moderation moderation = engine.moderate("<a href=\"javascript:alert(1)\">click</a>");

        assertThat(moderation.sanitizedHtml()).isEqualTo("click");
    }
}
