package io.modstream.load;

import java.time.Duration;

/**
 * The CPU time a service process spent on the timed outcomes: read from the operating system (all its threads, the
 * JIT compiler and the garbage collector included) when the outcomes decided pass the warm-up's count, and again when
 * all are in. Less noisy than a rate on shared cores, because time spent waiting for the other processes is not
 * counted; it still counts what the service does on their account (more polls, smaller batches).
 */
final class ServiceCpu {

    private final ProcessHandle process;
    private final long warmUp;
    private Duration atStart = Duration.ZERO;
    private boolean started;
    private Duration atEnd = Duration.ZERO;

    ServiceCpu(long pid, long warmUp) {
        this.process = ProcessHandle.of(pid).orElseThrow();
        this.warmUp = warmUp;
    }

    /** Called with the running count of outcomes; the timed window starts once the warm-up's are in. */
    void decided(long count) {
        if (!started && count >= Math.max(1, warmUp)) {
            started = true;
            atStart = cpu();
        }
    }

    void allIn() {
        atEnd = cpu();
    }

    /** Microseconds of CPU per timed outcome; NaN when it could not be read. */
    double microsPerOutcome(long timed) {
        if (!started || atEnd.isZero() || timed == 0) {
            return Double.NaN;
        }
        return atEnd.minus(atStart).toNanos() / 1000.0 / timed;
    }

    private Duration cpu() {
        return usedBy(process);
    }

    /** The CPU time process {@code pid} has used so far; zero when there is no such process (pid 0: none given). */
    static Duration usedBy(long pid) {
        return ProcessHandle.of(pid).map(ServiceCpu::usedBy).orElse(Duration.ZERO);
    }

    private static Duration usedBy(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
