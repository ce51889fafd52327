package io.modstream.moderation.access.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.moderation.access.throttle.FailureThrottle.Result;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    /** Slow after 3 (waits 1s, 2s, 4s, capped at 3s), lock after 5 in 10 minutes, for 15 minutes. */
    private static final SignInProperties.UserName LIMITS = new SignInProperties.UserName(
            3, Duration.ofSeconds(1), Duration.ofSeconds(3), 5, Duration.ofMinutes(10), Duration.ofMinutes(15));

    private final TestClock clock = new TestClock();
    private final FailureThrottle names = new FailureThrottle(LIMITS, true, 1000, "alice"::equals, clock);

    @Test
    void failuresBelowSlowAfterAreCheckedAtOnce() {
        fail("alice");
        fail("alice");
        assertThat(names.begin("alice")).isTrue();
    }

    @Test
    void fromSlowAfterOnEachAttemptWaitsLongerUpToTheLongestWait() {
        fail("mallory");
        fail("mallory");
        fail("mallory"); // third: wait 1s
        assertThat(names.begin("mallory")).isFalse();
        clock.advance(Duration.ofMillis(999));
        assertThat(names.begin("mallory")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(names.begin("mallory")).isTrue();
        names.end("mallory", Result.FAILED); // fourth: wait 2s
        clock.advance(Duration.ofMillis(1999));
        assertThat(names.begin("mallory")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(names.begin("mallory")).isTrue();
    }

    @Test
    void theLongestWaitCapsTheDoubling() {
        FailureThrottle slowOnly = new FailureThrottle(
                new SignInProperties.UserName(
                        1, Duration.ofSeconds(1), Duration.ofSeconds(3), 100, Duration.ofHours(1), Duration.ofHours(1)),
                true,
                1000,
                key -> false,
                clock);
        for (int i = 0; i < 10; i++) {
            assertThat(slowOnly.begin("x")).isTrue();
            slowOnly.end("x", Result.FAILED);
            clock.advance(Duration.ofSeconds(3));
        }
        assertThat(slowOnly.begin("x")).isTrue();
        slowOnly.end("x", Result.FAILED); // the 11th: 1s doubled ten times, but at most 3s
        clock.advance(Duration.ofMillis(2999));
        assertThat(slowOnly.begin("x")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(slowOnly.begin("x")).isTrue();
    }

    @Test
    void lockAfterFailuresLockForTheLockDurationAndThenStartAfresh() {
        for (int i = 1; i <= 4; i++) {
            assertThat(failAfterWaiting("alice")).isEmpty();
        }
        Optional<java.time.Instant> locked = failAfterWaiting("alice");
        assertThat(locked).contains(clock.instant().plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertThat(names.begin("alice")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(names.begin("alice")).isTrue();
        names.end("alice", Result.FAILED);
        // Afresh: one failure is below slow-after again.
        assertThat(names.begin("alice")).isTrue();
    }

    @Test
    void aLockoutIsReportedOnceEvenWhenChecksThatWereRunningFailAfterIt() {
        for (int i = 1; i <= 3; i++) {
            failAfterWaiting("alice");
        }
        clock.advance(Duration.ofMinutes(1));
        // Two checks were admitted before the lock (one at a time is the rule, but an evicted or racing state can
        // leave one running): only the failure that locks reports it.
        assertThat(names.begin("alice")).isTrue();
        names.end("alice", Result.FAILED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(names.begin("alice")).isTrue();
        assertThat(names.end("alice", Result.FAILED)).isPresent();
        assertThat(names.end("alice", Result.FAILED)).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        fail("alice");
        fail("alice");
        clock.advance(Duration.ofMinutes(10));
        fail("alice");
        fail("alice");
        assertThat(names.begin("alice")).isTrue();
    }

    @Test
    void aSuccessForgetsTheNamesFailures() {
        fail("alice");
        fail("alice");
        assertThat(names.begin("alice")).isTrue();
        names.end("alice", Result.SUCCEEDED);
        fail("alice");
        fail("alice");
        assertThat(names.begin("alice")).isTrue();
        assertThat(names.tracked()).isEqualTo(1);
    }

    @Test
    void aSuccessDoesNotForgetAnAddresssFailuresWhenTheThrottleKeepsThem() {
        FailureThrottle addresses = new FailureThrottle(LIMITS, false, 1000, key -> false, clock);
        for (int i = 0; i < 2; i++) {
            assertThat(addresses.begin("192.0.2.1")).isTrue();
            addresses.end("192.0.2.1", Result.FAILED);
        }
        assertThat(addresses.begin("192.0.2.1")).isTrue();
        addresses.end("192.0.2.1", Result.SUCCEEDED);
        assertThat(addresses.begin("192.0.2.1")).isTrue();
        addresses.end("192.0.2.1", Result.FAILED); // third failure: slowed down
        assertThat(addresses.begin("192.0.2.1")).isFalse();
    }

    @Test
    void aBurstOfParallelAttemptsGetsNoMoreThanSlowAfterChecksAtOnce() {
        int admitted = 0;
        for (int i = 0; i < 1000; i++) {
            admitted += names.begin("alice") ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(LIMITS.slowAfter());
        // When they end, the next one is admitted only after the wait the failures earned.
        for (int i = 0; i < admitted; i++) {
            names.end("alice", Result.FAILED);
        }
        assertThat(names.begin("alice")).isFalse();
    }

    @Test
    void anAbandonedCheckCountsNoFailure() {
        for (int i = 0; i < 10; i++) {
            assertThat(names.begin("alice")).isTrue();
            names.end("alice", Result.ABANDONED);
        }
        assertThat(names.tracked()).isZero();
    }

    @Test
    void memoryIsBoundedHoweverManyNamesAreTriedAndStaffNamesKeepTheirLock() {
        for (int i = 1; i <= 5; i++) {
            failAfterWaiting("alice");
        }
        for (int i = 0; i < 100_000; i++) {
            fail("made-up-" + i);
        }
        assertThat(names.tracked()).isLessThanOrEqualTo(1000 + 1);
        assertThat(names.begin("alice")).as("still locked").isFalse();
    }

    @Test
    void rememberedKeysAreForgottenOnceTheyCanNoLongerMatter() {
        FailureThrottle unpinned = new FailureThrottle(LIMITS, true, 1000, key -> false, clock);
        unpinned.begin("mallory");
        unpinned.end("mallory", Result.FAILED);
        clock.advance(LIMITS.window().plus(LIMITS.lockFor()).plus(LIMITS.maxDelay()));
        assertThat(unpinned.tracked()).isZero();
    }

    private void fail(String name) {
        assertThat(names.begin(name)).as("admitted").isTrue();
        names.end(name, Result.FAILED);
    }

    private Optional<java.time.Instant> failAfterWaiting(String name) {
        clock.advance(LIMITS.maxDelay());
        assertThat(names.begin(name)).as("admitted").isTrue();
        return names.end(name, Result.FAILED);
    }
}
