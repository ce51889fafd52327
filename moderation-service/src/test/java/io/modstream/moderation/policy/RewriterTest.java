package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.ReasonCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewriterTest {

    private static final String BODY = "abc <b onclick=x>bold</b> def";

    @Test
    void findingsThatPutBackWhatTheySpanLeaveTheBodyAsItIs() {
        List<Finding> findings = List.of(itself(4, 17), itself(21, 25), itself(4, 8));

        assertThat(Rewriter.rewrite(BODY, findings)).isSameAs(BODY);
    }

    @Test
    void aMaskOverlappingATagThatStaysMasksOnlyPastIt() {
        Finding mask = new Finding(ReasonCodes.EMAIL, "m", 10, 21, Action.MASK);

        assertThat(Rewriter.rewrite(BODY, List.of(itself(4, 17), mask))).isEqualTo("abc <b onclick=x>****</b> def");
    }

    @Test
    void stripWithoutReplacementRemovesTheSpan() {
        Finding strip = new Finding(ReasonCodes.UNICODE, "s", 0, 4, Action.STRIP);

        assertThat(Rewriter.rewrite(BODY, List.of(strip, itself(4, 17)))).isEqualTo("<b onclick=x>bold</b> def");
    }

    private static Finding itself(int start, int end) {
        return new Finding(ReasonCodes.MARKUP, "m", start, end, Action.STRIP, BODY.substring(start, end));
    }
}
