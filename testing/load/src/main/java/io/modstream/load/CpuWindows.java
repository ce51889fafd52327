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
    private long lastSampleNanos;

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
        lastSampleNanos = System.nanoTime();
    }

    /**
     * One process at one moment: its CPU ticks (dead threads' included, from {@code /proc/<pid>/stat}) and each live
     * thread's, by thread id. The JVM starts and stops threads (compiler threads as the queue grows and shrinks, among
     * others), so a group's share of a span is summed thread by thread, and a thread that ended within the span is
     * missing from it: an under-count, never an over-count (the process's total counts dead threads). All zero when
     * {@code /proc} cannot be read.
     */
    private record Sample(long ticks, Map<String, ThreadTicks> threads) {

        static Sample of(long pid) {
            Map<String, ThreadTicks> threads = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException threadEnded) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    threads.put(task.getFileName().toString(), new ThreadTicks(group(name), ticksOf(stat)));
                }
                return new Sample(ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))), threads);
            } catch (IOException | RuntimeException notLinux) {
                return new Sample(0, Map.of());
            }
        }

        /** utime + stime of a {@code stat} line; comm may hold spaces, so fields are counted after the last ')'. */
        private static long ticksOf(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** Ticks each group of threads used since {@code before}, counted thread by thread. */
        Map<String, Long> groupTicksSince(Sample before) {
            Map<String, Long> groups = new HashMap<>();
            threads.forEach((tid, now) -> {
                ThreadTicks then = before.threads.get(tid);
                groups.merge(now.group(), now.ticks() - (then == null ? 0 : then.ticks()), Long::sum);
            });
            return groups;
        }

        long compilerTicksSince(Sample before) {
            return groupTicksSince(before).entrySet().stream()
                    .filter(group -> group.getKey().contains("CompilerThre"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    /** A thread's group (its name as the kernel keeps it, at most 15 bytes) and its CPU ticks. */
    private record ThreadTicks(String group, long ticks) {}

    /**
     * The group of a thread name: the name without its trailing number, so that a pool's threads count together
     * ({@code "GC Thread#1"} and {@code "GC Thread#0"} are {@code "GC Thread"}).
     */
    static String group(String threadName) {
        return threadName.replaceFirst("[#\\-]?\\d+$", "");
    }

    /**
     * One line per window: each service's CPU seconds (of which JIT). The span since the last window ends a window of
     * its own only if it is a second or longer: a run that ends just after a timed sample would otherwise print a last
     * window of nothing, labelled as if it were a whole one.
     */
    synchronized String describe() {
        if (System.nanoTime() - lastSampleNanos >= TimeUnit.SECONDS.toNanos(1)) {
            sample();
        }
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

    /**
     * The whole span from the first sample to now, per process: the thread groups that used at least {@code minShare}
     * of its CPU, largest first, in CPU seconds and per {@code units} (e.g. requests) in microseconds.
     */
    synchronized String describeThreads(long units, double minShare) {
        sample();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, "  CPU by thread group over the whole span (microseconds per one of %,d):%n", units));
        for (String name : pids.keySet()) {
            Sample first = samples.get(0).get(name);
            Sample last = samples.get(samples.size() - 1).get(name);
            long total = last.ticks() - first.ticks();
            out.append(String.format(Locale.ROOT, "    %s %.1f s%n", name, total / TICKS_PER_SECOND));
            last.groupTicksSince(first).entrySet().stream()
                    .filter(group -> total > 0 && group.getValue() >= minShare * total)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(group -> out.append(String.format(
                            Locale.ROOT,
                            "      %-16s %7.2f s %8.1f us%n",
                            group.getKey(),
                            group.getValue() / TICKS_PER_SECOND,
                            units == 0 ? Double.NaN : group.getValue() / TICKS_PER_SECOND * 1e6 / units)));
        }
        return out.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
