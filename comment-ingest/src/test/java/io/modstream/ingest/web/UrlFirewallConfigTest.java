package io.modstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a refused request is told (the firewall itself is Spring Security's, tested there). */
class UrlFirewallConfigTest {

    @Test
    void aRefusedHeaderIsNamedButItsValueIsNotRepeated() {
        assertThat(UrlFirewallConfig.withoutValue(
                        "The request was rejected because the header: \"Authorization \" has a value \"Bearer s3cret\u0085\""
                                + " that is not allowed."))
                .isEqualTo("The request was rejected because the header: \"Authorization \" has a value with a control"
                        + " character or an unassigned code point.");
        assertThat(UrlFirewallConfig.withoutValue("The request was rejected because the URL was not normalized"))
                .isEqualTo("The request was rejected because the URL was not normalized.");
    }
}
