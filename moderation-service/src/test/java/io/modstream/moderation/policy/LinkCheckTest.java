package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class LinkCheckTest {

    @TestFactory
    Stream<DynamicTest> labelledLinks() {
        return LabelledCases.run("/policy/links.tsv", new LinkCheck(Action.REJECT), ReasonCodes.LINK);
    }
}
