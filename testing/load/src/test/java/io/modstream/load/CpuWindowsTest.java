package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CPU by thread group, read from this JVM's own {@code /proc} entries. */
class CpuWindowsTest {

    @Test
    void aPoolsThreadsCountAsOneGroup() {
        assertThat(CpuWindows.group("GC Thread#0")).isEqualTo("GC Thread");
        assertThat(CpuWindows.group("burner-12")).isEqualTo("burner");
        assertThat(CpuWindows.group("rocksdb:high0")).isEqualTo("rocksdb:high");
        assertThat(CpuWindows.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(CpuWindows.group("webflux-http-ep")).isEqualTo("webflux-http-ep");
    }

    @Test
    void aThreadThatBurnsCpuShowsUpInItsGroup() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        String report;
        try (CpuWindows windows =
                new CpuWindows(Map.of("me", ProcessHandle.current().pid()), 3600)) {
            // A thread's ticks are read while it lives: this one stays until the report is made.
            CountDownLatch burnt = new CountDownLatch(1);
            CountDownLatch reported = new CountDownLatch(1);
            Thread burner = new Thread(
                    () -> {
                        burnHalfASecond();
                        burnt.countDown();
                        awaitQuietly(reported);
                    },
                    "burner-7");
            burner.start();
            burnt.await();
            report = windows.describeThreads(100, 0.0);
            reported.countDown();
            burner.join();
        }

        Matcher line =
                Pattern.compile("\\n\\s+burner\\s+([\\d.]+) s\\s+([\\d.]+) us").matcher(report);
        assertThat(line.find()).as(report).isTrue();
        double seconds = Double.parseDouble(line.group(1));
        // 0.5 s of the thread's own CPU time, as the kernel counts it in 10-ms ticks
        assertThat(seconds).as(report).isBetween(0.4, 0.7);
        assertThat(Double.parseDouble(line.group(2))).isEqualTo(seconds * 1e6 / 100, offset(1.0));
    }

    @Test
    void aRunThatEndsJustAfterASampleHasNoEmptyLastWindow() throws InterruptedException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        try (CpuWindows windows =
                new CpuWindows(Map.of("me", ProcessHandle.current().pid()), 3600)) {
            // The timer takes its first sample at once; describing 0.1 s later leaves no whole window to show.
            Thread.sleep(100);
            String report = windows.describe();

            assertThat(report).as(report).doesNotContain("0-3600 s");
            assertThat(report.lines()).hasSize(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void burnHalfASecond() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < 500_000_000L) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
