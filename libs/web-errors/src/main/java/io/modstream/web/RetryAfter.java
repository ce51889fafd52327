package io.modstream.web;

import java.time.Duration;

/** The {@code Retry-After} header's value for a wait: both services' 429 answers use it. */
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * {@code wait} in whole seconds, rounded up and at least one: the header takes no fractions, and a zero would
     * invite an immediate retry that is refused again.
     */
    public static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
