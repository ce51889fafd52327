package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KillStallsTest {

    private static final long MS = 1_000_000L;

    @Test
    void aKillsStallIsTheWaitForItsSuccessorNotTheOutcomesReadJustAfterIt() {
        KillStalls stalls = new KillStalls();
        polls(stalls, 0, 100, 200, 300);
        stalls.killed(1_000, 350 * MS);
        // Committed by the killed instance just before it died, read just after: not the end of the stall.
        stalls.outcomes(400 * MS);
        // Its successor's first outcomes, 12.6 s after the last of those, then 100 ms apart again.
        polls(stalls, 13_000, 13_100, 13_200);

        KillStalls.Stall stall = stalls.kills().get(0);
        assertThat(stall.decidedAtKill()).isEqualTo(1_000);
        assertThat(stall.resumed()).isTrue();
        assertThat(stall.seconds()).isEqualTo(12.6);
        assertThat(stall.againAfterKillSeconds()).isEqualTo(12.65);
        assertThat(stalls.longestGap()).isEqualTo(12_600 * MS);
    }

    @Test
    void eachKillKeepsTheLongestGapOfItsOwnWindow() {
        KillStalls stalls = new KillStalls();
        polls(stalls, 0, 100);
        stalls.killed(10, 150 * MS);
        polls(stalls, 5_100, 5_200, 5_300);
        assertThat(stalls.killed(20, 5_350 * MS))
                .hasValueSatisfying(first -> assertThat(first.seconds()).isEqualTo(5.0));
        polls(stalls, 5_400, 14_400, 14_500);

        List<KillStalls.Stall> kills = stalls.kills();
        assertThat(kills).extracting(KillStalls.Stall::decidedAtKill).containsExactly(10, 20);
        assertThat(kills).extracting(KillStalls.Stall::seconds).containsExactly(5.0, 9.0);
        assertThat(kills.get(1).againAfterKillSeconds()).isEqualTo(9.05);
    }

    @Test
    void aKillWithNothingSinceIsNotResumed() {
        KillStalls stalls = new KillStalls();
        polls(stalls, 0, 100);
        stalls.killed(5, 150 * MS);

        KillStalls.Stall stall = stalls.kills().get(0);
        assertThat(stall.resumed()).isFalse();
        assertThat(stall.seconds()).isZero();
        assertThat(stalls.killed(6, 200 * MS)).contains(stall);
    }

    @Test
    void isQuietOnlyOnceOutcomesHaveComeAndThenStopped() {
        KillStalls stalls = new KillStalls();
        assertThat(stalls.quietLongerThan(600_000 * MS, 300_000 * MS))
                .as("none yet")
                .isFalse();
        polls(stalls, 1_000);

        assertThat(stalls.quietLongerThan(301_000 * MS, 300_000 * MS)).isFalse();
        assertThat(stalls.quietLongerThan(301_001 * MS, 300_000 * MS)).isTrue();
    }

    private static void polls(KillStalls stalls, long... millis) {
        for (long at : millis) {
            stalls.outcomes(at * MS);
        }
    }
}
