package io.modstream.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stall a site sees around each kill of the crash test, from the moments the auditor's polls brought outcomes.
 *
 * <p>A kill's stall is the longest gap between polls that brought outcomes from the last one before the kill until the
 * next kill (or the end). Not the gap to the first poll after the kill: outcomes the killed instance committed just
 * before it died are often read just after, and the wait for its successor comes after them.
 */
final class KillStalls {

    /**
     * One kill.
     *
     * @param decidedAtKill outcomes the auditor had seen when it came
     * @param killedAt when it came ({@link System#nanoTime()})
     * @param stallStart the last poll with outcomes before the longest gap
     * @param stallEnd the first poll with outcomes after it; equal to {@code stallStart} while none has come since
     *     the kill
     * @param resumed whether any poll brought outcomes after the kill
     */
    record Stall(int decidedAtKill, long killedAt, long stallStart, long stallEnd, boolean resumed) {

        double seconds() {
            return (stallEnd - stallStart) / 1e9;
        }

        /** From the kill to the end of its stall: when outcomes flowed again. */
        double againAfterKillSeconds() {
            return (stallEnd - killedAt) / 1e9;
        }
    }

    private final List<Stall> closed = new ArrayList<>();
    private Stall current; // the last kill's, its window still open; null before the first kill
    private long lastOutcome;
    private boolean anyOutcome;
    private long longestGap;

    /** A poll at {@code now} brought outcomes. */
    void outcomes(long now) {
        if (anyOutcome) {
            long gap = now - lastOutcome;
            longestGap = Math.max(longestGap, gap);
            Stall kill = current;
            if (kill != null && (!kill.resumed() || gap > kill.stallEnd() - kill.stallStart())) {
                current = new Stall(kill.decidedAtKill(), kill.killedAt(), lastOutcome, now, true);
            }
        }
        lastOutcome = now;
        anyOutcome = true;
    }

    /**
     * The service was killed at {@code now} with {@code decided} outcomes seen; the previous kill's window closes.
     *
     * @return the previous kill's stall, now final; empty at the first kill
     */
    Optional<Stall> killed(int decided, long now) {
        Optional<Stall> previous = Optional.ofNullable(current);
        previous.ifPresent(closed::add);
        current = new Stall(decided, now, lastOutcome, lastOutcome, false);
        return previous;
    }

    /** Every kill's stall so far, the last one's as it stands. */
    List<Stall> kills() {
        List<Stall> all = new ArrayList<>(closed);
        if (current != null) {
            all.add(current);
        }
        return List.copyOf(all);
    }

    /** Whether outcomes have come before and none for longer than {@code limitNanos} up to {@code now}. */
    boolean quietLongerThan(long now, long limitNanos) {
        return anyOutcome && now - lastOutcome > limitNanos;
    }

    /** The longest gap between polls that brought outcomes over the whole run, kills or not, in nanoseconds. */
    long longestGap() {
        return longestGap;
    }
}
