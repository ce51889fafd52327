package io.modstream.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the two cores went during a run, window by window: each service's CPU seconds, and of them its JIT compilers'
 * (the JVM's threads named {@code C1/C2 CompilerThread*}), read from {@code /proc/<pid>/task/*&#47;stat} (Linux only;
 * elsewhere nothing is printed). It tells a tail that comes from a JVM still compiling from one that comes from the
 * steady state.
 */
final class CpuWindows implements AutoCloseable {

    /** Clock ticks per second of {@code /proc}'s utime and stime; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids = new TreeMap<>();
    private final List<Map<String, Sample>> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cpu-windows");
        thread.setDaemon(true);
        return thread;
    });
    private final long windowSeconds;

    /** Samples every service now and then every {@code windowSeconds} until closed. */
    CpuWindows(Map<String, Long> pidsByName, long windowSeconds) {
        this.pids.putAll(pidsByName);
        this.windowSeconds = windowSeconds;
        timer.scheduleAtFixedRate(this::sample, 0, windowSeconds, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        Map<String, Sample> sample = new LinkedHashMap<>();
        pids.forEach((name, pid) -> sample.put(name, Sample.of(pid)));
        samples.add(sample);
    }

    /**
     * One process at one moment: its CPU ticks (dead threads' included, from {@code /proc/<pid>/stat}) and each live
     * JIT compiler thread's. The JVM starts and stops compiler threads as the queue grows and shrinks, so the JIT's
     * share of a window is summed thread by thread; a compiler thread that ended within the window loses that
     * window's last ticks (an under-count, never an over-count). All zero when {@code /proc} cannot be read.
     */
    private record Sample(long ticks, Map<String, Long> compilerTicks) {

        static Sample of(long pid) {
            Map<String, Long> compilers = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException threadEnded) {
                        continue;
                    }
                    if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .contains("CompilerThre")) {
                        compilers.put(task.getFileName().toString(), ticksOf(stat));
                    }
                }
                return new Sample(ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))), compilers);
            } catch (IOException | RuntimeException notLinux) {
                return new Sample(0, Map.of());
            }
        }

        /** utime + stime of a {@code stat} line; comm may hold spaces, so fields are counted after the last ')'. */
        private static long ticksOf(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        long compilerTicksSince(Sample before) {
            long ticks = 0;
            for (Map.Entry<String, Long> thread : compilerTicks.entrySet()) {
                ticks += thread.getValue() - before.compilerTicks.getOrDefault(thread.getKey(), 0L);
            }
            return ticks;
        }
    }

    /** One line per window: each service's CPU seconds (of which JIT). */
    synchronized String describe() {
        sample();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, "  CPU seconds per %d-s window (of it the JIT compilers):%n", windowSeconds));
        for (int i = 1; i < samples.size(); i++) {
            out.append(String.format(Locale.ROOT, "    %3d-%3d s ", (i - 1) * windowSeconds, i * windowSeconds));
            for (String name : pids.keySet()) {
                Sample before = samples.get(i - 1).get(name);
                Sample after = samples.get(i).get(name);
                out.append(String.format(
                        Locale.ROOT,
                        "  %s %.1f (%.1f)",
                        name,
                        (after.ticks() - before.ticks()) / TICKS_PER_SECOND,
                        after.compilerTicksSince(before) / TICKS_PER_SECOND));
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
