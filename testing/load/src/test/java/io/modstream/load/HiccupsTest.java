package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hiccup meter: how much later than asked a 1-ms sleep ended. */
class HiccupsTest {

    @Test
    void eachSleepRecordsHowMuchLongerThanTheTickItTook() throws Exception {
        // A clock that a sleep advances by what the queue says: four punctual sleeps, one 21 ms late, one 0.5 ms late.
        long[] now = {0};
        ArrayDeque<Duration> took = new ArrayDeque<>(List.of(
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                Duration.ofMillis(22),
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                Duration.ofNanos(1_500_000)));
        Hiccups hiccups = new Hiccups(() -> now[0], asked -> {
            assertThat(asked).isEqualTo(Hiccups.TICK);
            now[0] += took.removeFirst().toNanos();
        });

        for (int i = 0; i < 6; i++) {
            hiccups.sampleOnce();
        }
        Percentiles delays = hiccups.stop();

        assertThat(delays.count()).isEqualTo(6);
        assertThat(delays.maxMillis()).isEqualTo(21.0);
        assertThat(delays.millis(50)).isEqualTo(0.0);
        assertThat(delays.millis(80)).isEqualTo(0.5);
        assertThat(Hiccups.describe(delays)).isEqualTo("p99 21.0 ms, p99.9 21.0 ms, max 21.0 ms (6 sleeps of 1 ms)");
    }

    @Test
    void aSleepThatEndsEarlyCountsAsNoDelay() throws Exception {
        long[] now = {0};
        Hiccups hiccups = new Hiccups(() -> now[0], asked -> now[0] += 900_000);

        hiccups.sampleOnce();

        assertThat(hiccups.stop().maxMillis()).isEqualTo(0.0);
    }

    @Test
    void theThreadRecordsUntilStopped() throws Exception {
        Hiccups hiccups = Hiccups.start();
        Thread.sleep(200);
        Percentiles delays = hiccups.stop();

        // At most one sleep per millisecond, so 200 ms hold at most 200; a scheduler that lets this thread run at all
        // gives it a few dozen.
        assertThat(delays.count()).isBetween(10, 200);
        int afterStop = delays.count();
        Thread.sleep(20);
        assertThat(hiccups.stop().count()).isEqualTo(afterStop);
    }
}
