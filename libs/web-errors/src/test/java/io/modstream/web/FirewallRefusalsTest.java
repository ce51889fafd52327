package io.modstream.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirewallRefusalsTest {

    @Test
    void aRefusedHeaderIsNamedButItsValueIsNotRepeated() {
        assertThat(FirewallRefusals.detail(
                        "The request was rejected because the header: \"Authorization \" has a value \"Bearer s3cret\u0085\""
                                + " that is not allowed."))
                .isEqualTo("The request was rejected because the header: \"Authorization \" has a value with a control"
                        + " character or an unassigned code point.");
    }

    @Test
    void anyOtherReasonIsKeptWhole() {
        assertThat(FirewallRefusals.detail("The request was rejected because the URL was not normalized"))
                .isEqualTo("The request was rejected because the URL was not normalized.");
    }
}
