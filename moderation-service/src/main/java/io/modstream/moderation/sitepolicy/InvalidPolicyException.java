package io.modstream.moderation.sitepolicy;

import java.util.List;

/** A policy file that cannot be used, with every problem found, each naming its line and field. */
public class InvalidPolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidPolicyException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code line 4, links.action: 'rejectt' is not one of reject, strip, review, allow}. */
    public List<String> problems() {
        return problems;
    }
}
