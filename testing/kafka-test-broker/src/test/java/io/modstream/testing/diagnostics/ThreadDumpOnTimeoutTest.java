package io.modstream.testing.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ThreadDumpOnTimeoutTest {

    @Test
    void aTimeoutAnywhereInTheCausesCountsAndOtherFailuresDoNot() {
        assertThat(ThreadDumpOnTimeout.isTimeout(new IllegalStateException("wrapped", new TimeoutException("late"))))
                .isTrue();
        assertThat(ThreadDumpOnTimeout.isTimeout(
                        new IllegalStateException("Timeout on blocking read for 30000000000 NANOSECONDS")))
                .isTrue();
        assertThat(ThreadDumpOnTimeout.isTimeout(new AssertionError("expected 200 but was 500")))
                .isFalse();
        assertThat(ThreadDumpOnTimeout.isTimeout(new IllegalStateException("no", new RuntimeException("cause"))))
                .isFalse();
    }

    @Test
    void theDumpNamesEveryThreadWithItsStack() throws InterruptedException {
        Thread parked = new Thread(
                () -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "parked-for-the-dump");
        parked.setDaemon(true);
        parked.start();
        while (parked.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        try {
            String dump = ThreadDumpOnTimeout.threadDump();

            assertThat(dump)
                    .contains("\"" + Thread.currentThread().getName() + "\" RUNNABLE")
                    .contains("\"parked-for-the-dump\" TIMED_WAITING")
                    .contains("java.lang.Thread.sleep(Native Method)");
        } finally {
            parked.interrupt();
        }
    }
}
