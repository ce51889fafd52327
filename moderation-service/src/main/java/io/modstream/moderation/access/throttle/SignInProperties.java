package io.modstream.moderation.access.throttle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of sign-in throttling, under {@code modstream.moderation.sign-in}. The defaults and why they were chosen
 * are in docs/limits.md.
 *
 * @param userName failures counted per user name (whether or not the name exists)
 * @param address failures counted per client address (an IPv6 address by its /64); higher than per name, because an
 *     office or a NAT puts many people behind one address
 * @param maxTracked how many user names, and separately how many addresses, are remembered at most; the least
 *     recently used are forgotten first. Configured staff names are always remembered (there are few of them), so
 *     trying many made-up names cannot push a real user's lock out.
 */
@ConfigurationProperties("modstream.moderation.sign-in")
@Validated
public record SignInProperties(
        @Valid @DefaultValue UserName userName,
        @Valid @DefaultValue Address address,
        @Min(100) @Max(10_000_000) @DefaultValue("20000") int maxTracked) {

    /** How failures of one key (a name or an address) slow down and then lock further attempts. */
    public interface Limits {

        /** After this many failures in the window, each further attempt must wait, and only one is checked at a time. */
        int slowAfter();

        /** The first wait; each further failure doubles it. */
        Duration firstDelay();

        /** The longest wait. */
        Duration maxDelay();

        /** This many failures in the window lock the key out. */
        int lockAfter();

        /** Failures are counted from the first one for this long, then forgotten. */
        Duration window();

        /** How long a lockout lasts; it also forgets the failures. */
        Duration lockFor();
    }

    /** Per user name: a person mistyping slows down after 5, and 10 in 15 minutes lock the name for 15 minutes. */
    public record UserName(
            @Min(1) @DefaultValue("5") int slowAfter,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("30s") Duration maxDelay,
            @Min(1) @DefaultValue("10") int lockAfter,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockFor)
            implements Limits {

        @AssertTrue(message = "slow-after must not be above lock-after, and the durations must be positive")
        public boolean isConsistent() {
            return consistent(this);
        }
    }

    /** Per client address: 30 failures before slowing, 100 in 15 minutes lock the address for 15 minutes. */
    public record Address(
            @Min(1) @DefaultValue("30") int slowAfter,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("10s") Duration maxDelay,
            @Min(1) @DefaultValue("100") int lockAfter,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockFor)
            implements Limits {

        @AssertTrue(message = "slow-after must not be above lock-after, and the durations must be positive")
        public boolean isConsistent() {
            return consistent(this);
        }
    }

    private static boolean consistent(Limits limits) {
        return limits.slowAfter() <= limits.lockAfter()
                && limits.firstDelay().compareTo(Duration.ZERO) > 0
                && limits.maxDelay().compareTo(limits.firstDelay()) >= 0
                && limits.window().compareTo(Duration.ZERO) > 0
                && limits.lockFor().compareTo(Duration.ZERO) > 0;
    }
}
