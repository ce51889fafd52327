package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Labelled news-site comments run against one fixed, realistic set of admin patterns. */
class PatternTableTest {

    /** The admin pattern set the rows of {@code patterns.tsv} are labelled against. */
    static final Check CHECK = Checks.patterns()
            .add(
                    "competitor outlets",
                    "(?i)\\b(acme news|daily rival)\\b",
                    "Please do not advertise other outlets.",
                    Action.REVIEW)
            .add(
                    "promotions",
                    "(?i)\\b(buy now|limited offer|click here)\\b",
                    "Advertising is not allowed.",
                    Action.REJECT)
            .add(
                    "bitcoin addresses",
                    "\\b(bc1[ac-hj-np-z02-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\\b",
                    "Payment addresses are not allowed.",
                    Action.REJECT)
            .add("ethereum addresses", "\\b0x[0-9a-fA-F]{40}\\b", "Payment addresses are not allowed.", Action.REJECT)
            .add(
                    "discount codes",
                    "(?i:promo|discount|coupon|voucher)\\s+(?i:code)\\s*:?\\s*[A-Z]{3,10}[0-9]{2,3}\\b",
                    "Advertising is not allowed.",
                    Action.REJECT)
            .add(
                    "reporting restriction",
                    "(?i)\\bhollow\\s+lane\\s+(case|trial|defendants?)\\b",
                    "This case is under a reporting restriction.",
                    Action.REVIEW)
            .add("thanks", "(?i)\\bthank you\\b", "Allowed on purpose: never run.", Action.ALLOW)
            .build();

    @TestFactory
    Stream<DynamicTest> labelledPatternsFollowTheAdminPatternSet() {
        return LabelledCases.run("/policy/patterns.tsv", CHECK, ReasonCodes.PATTERN);
    }
}
