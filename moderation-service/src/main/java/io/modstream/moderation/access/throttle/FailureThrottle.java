package io.modstream.moderation.access.throttle;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Failed password checks of one kind of key (user names, or client addresses), and whether the next check may run.
 *
 * <p>Failures are counted from a key's first failure for {@link SignInProperties.Limits#window()}. From
 * {@code slowAfter} failures on, each further check must wait (the wait doubles with every failure, up to
 * {@code maxDelay}) and only one check of the key runs at a time; at {@code lockAfter} failures the key is locked for
 * {@code lockFor}, after which it starts afresh. A check that is running counts towards {@code slowAfter}, so a burst
 * of parallel attempts cannot all slip through before the first of them has failed.
 *
 * <p>Memory is bounded: keys {@code pinned} says to keep (configured staff names: few, and they must not lose a lock
 * to a flood of made-up names) live in a plain map; every other key lives in a cache of at most {@code maxTracked}
 * entries, least recently used forgotten first, and each entry is forgotten when it can no longer matter.
 *
 * <p>Thread-safe: each key's state is an immutable value replaced atomically.
 */
final class FailureThrottle {

    /** How a check that {@link #begin} allowed ended. */
    enum Result {
        SUCCEEDED,
        FAILED,
        /** Neither (cancelled, or failed for another reason than the password): only the running count goes down. */
        ABANDONED
    }

    /**
     * One key's state.
     *
     * @param failures failures in the current window
     * @param checking checks that are running now
     * @param windowEnds when the failures are forgotten
     * @param waitUntil no check before this (a slow-down or a lock)
     * @param locked whether {@code waitUntil} is a lock, which outlives the window
     */
    private record State(
            int failures,
            int checking,
            Instant windowEnds,
            @Nullable Instant waitUntil,
            boolean locked) {}

    private final SignInProperties.Limits limits;
    private final boolean successForgets;
    private final Clock clock;
    private final Predicate<String> pinned;
    private final ConcurrentMap<String, State> pinnedStates = new ConcurrentHashMap<>();
    private final Cache<String, State> cache;
    private final ConcurrentMap<String, State> states;

    /**
     * @param successForgets whether a successful check forgets the key's failures (right for a name; for an address
     *     it would let an attacker with one account reset the count between guesses)
     */
    FailureThrottle(
            SignInProperties.Limits limits,
            boolean successForgets,
            int maxTracked,
            Predicate<String> pinned,
            Clock clock) {
        this.limits = limits;
        this.successForgets = successForgets;
        this.clock = clock;
        this.pinned = pinned;
        Duration relevant = limits.window().plus(limits.lockFor()).plus(limits.maxDelay());
        this.cache = CacheBuilder.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterWrite(relevant.toMillis(), TimeUnit.MILLISECONDS)
                .ticker(new Ticker() {
                    @Override
                    public long read() {
                        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                    }
                })
                .<String, State>build();
        this.states = cache.asMap();
    }

    /** Whether a check of {@code key} may run now; if so, {@link #end} must follow exactly once. */
    boolean begin(String key) {
        Instant now = clock.instant();
        boolean[] allowed = {false};
        map(key).compute(key, (k, before) -> {
            State state = current(before, now);
            if (state == null) {
                allowed[0] = true;
                return new State(0, 1, now.plus(limits.window()), null, false);
            }
            boolean waiting = state.waitUntil() != null && now.isBefore(state.waitUntil());
            boolean slowAndBusy = state.failures() + state.checking() >= limits.slowAfter() && state.checking() > 0;
            if (waiting || slowAndBusy) {
                return state;
            }
            allowed[0] = true;
            return new State(
                    state.failures(), state.checking() + 1, state.windowEnds(), state.waitUntil(), state.locked());
        });
        return allowed[0];
    }

    /** Records how an allowed check ended; returns the end of the lockout this failure started, if it started one. */
    Optional<Instant> end(String key, Result result) {
        Instant now = clock.instant();
        @Nullable Instant[] lockedUntil = {null};
        map(key).compute(key, (k, before) -> {
            State state = current(before, now);
            if (state == null) {
                // Forgotten meanwhile (evicted, or the window passed): count this failure afresh.
                state = new State(0, 1, now.plus(limits.window()), null, false);
            }
            int checking = Math.max(0, state.checking() - 1);
            State after = switch (result) {
                case ABANDONED -> withChecking(state, checking);
                case SUCCEEDED ->
                    successForgets
                            ? new State(0, checking, now.plus(limits.window()), null, false)
                            : withChecking(state, checking);
                case FAILED -> failed(state, checking, now);
            };
            if (after.locked() && !state.locked()) {
                lockedUntil[0] = after.waitUntil();
            }
            return after.failures() == 0 && after.checking() == 0 ? null : after;
        });
        return Optional.ofNullable(lockedUntil[0]);
    }

    /** How many keys are remembered now (for tests of the memory bound). */
    long tracked() {
        cache.cleanUp();
        return pinnedStates.size() + states.size();
    }

    private State failed(State state, int checking, Instant now) {
        int failures = state.failures() + 1;
        // The window opens at the first failure.
        Instant windowEnds = state.failures() == 0 ? now.plus(limits.window()) : state.windowEnds();
        if (state.locked()) {
            return new State(failures, checking, windowEnds, state.waitUntil(), true);
        }
        if (failures >= limits.lockAfter()) {
            return new State(failures, checking, windowEnds, now.plus(limits.lockFor()), true);
        }
        if (failures >= limits.slowAfter()) {
            return new State(failures, checking, windowEnds, now.plus(delay(failures)), false);
        }
        return new State(failures, checking, windowEnds, null, false);
    }

    /** The wait after the {@code failures}th failure: the first delay, doubled for each failure past slow-after. */
    private Duration delay(int failures) {
        int doublings = Math.min(failures - limits.slowAfter(), 30);
        Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
    }

    /** The state as of {@code now}: an expired lock or window is forgotten, keeping only the checks still running. */
    private static @Nullable State current(@Nullable State state, Instant now) {
        if (state == null) {
            return null;
        }
        Instant ends = state.locked() && state.waitUntil() != null ? state.waitUntil() : state.windowEnds();
        if (now.isBefore(ends)) {
            return state;
        }
        return state.checking() == 0 ? null : new State(0, state.checking(), now, null, false);
    }

    private static State withChecking(State state, int checking) {
        return new State(state.failures(), checking, state.windowEnds(), state.waitUntil(), state.locked());
    }

    private ConcurrentMap<String, State> map(String key) {
        return pinned.test(key) ? pinnedStates : states;
    }
}
