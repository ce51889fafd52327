package io.modstream.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The machine's own latency floor while a run is measured: a thread of the driver asks to sleep 1 ms, again and
 * again, and records how much later than that it woke up. A read that is due at the same moment cannot be answered
 * sooner than a thread on this machine gets to run, so the tail of these delays is a floor under the tail of any
 * latency measured beside it. On this project's idle 2-core VM, 30 s of them had p99 0.27 ms and a worst of 27 ms
 * (docs/benchmarks.md, "The machine's own hiccups"). This is the idea of Gil Tene's jHiccup, run inside the driver
 * instead of as an agent, so that its figures come out beside the run's own.
 *
 * <p>One thread, started by {@link #start()} and stopped by {@link #stop()}; about 1,000 samples a second.
 */
final class Hiccups {

    /** How long each sleep asks for. */
    static final Duration TICK = Duration.ofMillis(1);

    /** Sleeps for the given time; {@link Thread#sleep} outside tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long[] delaysMicros = new long[4096];
    private int count;
    private Thread thread;
    private volatile boolean stopping;

    Hiccups(LongSupplier nanoClock, Sleeper sleeper) {
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Starts recording on a thread of its own, with the real clock and {@link Thread#sleep}. */
    static Hiccups start() {
        Hiccups hiccups = new Hiccups(System::nanoTime, duration -> Thread.sleep(duration.toMillis()));
        hiccups.thread = new Thread(hiccups::recordUntilStopped, "hiccups");
        hiccups.thread.setDaemon(true);
        hiccups.thread.start();
        return hiccups;
    }

    private void recordUntilStopped() {
        try {
            while (!stopping) {
                sampleOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One sleep of {@link #TICK}, and how much longer than that it took. */
    void sampleOnce() throws InterruptedException {
        long asked = nanoClock.getAsLong();
        sleeper.sleep(TICK);
        long late = nanoClock.getAsLong() - asked - TICK.toNanos();
        record(Math.max(0, late) / 1000);
    }

    private synchronized void record(long micros) {
        if (count == delaysMicros.length) {
            delaysMicros = Arrays.copyOf(delaysMicros, count * 2);
        }
        delaysMicros[count++] = micros;
    }

    /** Stops the thread (if {@link #start()} started one) and returns the delays recorded. */
    Percentiles stop() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
        synchronized (this) {
            return new Percentiles(Arrays.copyOf(delaysMicros, count));
        }
    }

    /** {@code p99 0.3 ms, p99.9 2.7 ms, max 27.3 ms (27,102 sleeps of 1 ms)}. */
    static String describe(Percentiles delays) {
        return String.format(
                Locale.ROOT,
                "p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%,d sleeps of %d ms)",
                delays.millis(99),
                delays.millis(99.9),
                delays.maxMillis(),
                delays.count(),
                TICK.toMillis());
    }
}
