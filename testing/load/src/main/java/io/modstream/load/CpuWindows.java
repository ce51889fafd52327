package io.modstream.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private final List<Map<String, long[]>> samples = new ArrayList<>();
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
        Map<String, long[]> sample = new LinkedHashMap<>();
        pids.forEach((name, pid) -> sample.put(name, ticks(pid)));
        samples.add(sample);
    }

    /** Total and JIT-compiler ticks of a process over all its threads; zeros when {@code /proc} cannot be read. */
    private static long[] ticks(long pid) {
        long total = 0;
        long jit = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                // pid (comm) state ... : comm may hold spaces, so fields are counted after the last ')'.
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                total += ticks;
                if (name.contains("CompilerThre")) {
                    jit += ticks;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {0, 0};
        }
        return new long[] {total, jit};
    }

    /** One line per window: each service's CPU seconds (of which JIT). */
    synchronized String describe() {
        sample();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, "  CPU seconds per %d-s window (of it the JIT compilers):%n", windowSeconds));
        for (int i = 1; i < samples.size(); i++) {
            out.append(String.format(Locale.ROOT, "    %3d-%3d s ", (i - 1) * windowSeconds, i * windowSeconds));
            for (String name : pids.keySet()) {
                long[] before = samples.get(i - 1).get(name);
                long[] after = samples.get(i).get(name);
                out.append(String.format(
                        Locale.ROOT,
                        "  %s %.1f (%.1f)",
                        name,
                        (after[0] - before[0]) / TICKS_PER_SECOND,
                        (after[1] - before[1]) / TICKS_PER_SECOND));
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
