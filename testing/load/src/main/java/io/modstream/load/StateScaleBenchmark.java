package io.modstream.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Memory and restart with a large {@code authors} store, on a broker that has no topics yet:
 *
 * <ol>
 *   <li>pre-fills N comments of the {@link CommentMix}, every one by an author of its own
 *       ({@link CommentMix#DISTINCT_AUTHORS}), so the store ends up holding N authors;
 *   <li>starts moderation-service (by the script with {@code -Xmx512m}) with its state in a fixed folder, and while
 *       it drains samples its heap and resident set once a second ({@link HeapSampler}) until the
 *       {@link OutcomeAudit} has every outcome: reports the largest and the last sample;
 *   <li>stops it with SIGTERM, reports the state folder's size on disk, writes a few new comments, and starts it
 *       again on the same folder: reports the seconds from the process's start to the first new outcome a
 *       {@code read_committed} reader sees and to {@code /actuator/health/readiness} answering 200.
 * </ol>
 *
 * <p>Exits 1 if a comment of either batch got no outcome or more than one, or an outcome of the first batch came
 * again after the restart.
 *
 * <pre>
 * java -cp testing/load/target/load.jar io.modstream.load.StateScaleBenchmark --bootstrap 127.0.0.1:19092 \
 *     --service-jar moderation-service/target/moderation-service-0.1.0-SNAPSHOT-exec.jar [--records 1000000] \
 *     [--new-records 10] [--partitions 3] [--work-dir DIR] [--state-dir DIR] [--seed S] [--timeout-s S] \
 *     [--stall-timeout-s S] [--restart-timeout-s S] [--service-jvm "-Xmx512m"] [--service-args ARG...]
 * </pre>
 */
public final class StateScaleBenchmark {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "records",
            "new-records",
            "partitions",
            "service-jar",
            "service-jvm",
            "work-dir",
            "state-dir",
            "seed",
            "timeout-s",
            "stall-timeout-s",
            "restart-timeout-s");
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private StateScaleBenchmark() {}

    /** What the restart showed; times in seconds from the process's start, NaN if it never happened. */
    private record Restart(double firstNewOutcome, double ready, String ending, String outcomes) {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        int records = options.integer("records", 1_000_000);
        int newRecords = options.integer("new-records", 10);
        int partitions = options.integer("partitions", 3);
        long seed = options.number("seed", CommentMix.DEFAULT_SEED);
        Path workDir = options.path("work-dir", ".");
        Files.createDirectories(workDir);
        Path stateDir =
                options.path("state-dir", workDir.resolve("streams-state").toString());
        if (Files.isDirectory(stateDir) && !isEmpty(stateDir)) {
            throw new IllegalArgumentException(
                    "The state folder " + stateDir + " is not empty; the broker is fresh, so it must be too");
        }
        Duration timeout = Duration.ofSeconds(options.number("timeout-s", 600 + records / 250L));
        Duration stallLimit = Duration.ofSeconds(options.number("stall-timeout-s", 300));
        Duration restartTimeout = Duration.ofSeconds(options.number("restart-timeout-s", 600));

        PipelineBenchmark.log("Pre-filling comments.submitted (%d partitions), one author per comment", partitions);
        long prefillStart = System.nanoTime();
        Prefill prefill = Prefill.write(bootstrap, records, partitions, seed, CommentMix.DISTINCT_AUTHORS);
        PipelineBenchmark.log("%s, in %.1f s", prefill.describe(), (System.nanoTime() - prefillStart) / 1e9);

        ServiceProcess service = ServiceProcess.moderation(
                options.path("service-jar", ""),
                bootstrap,
                partitions,
                stateDir,
                options.words("service-jvm"),
                options.serviceArgs(),
                workDir.resolve("moderation-service.log").toAbsolutePath());
        Thread stopOnExit = ServiceProcess.stopAllOnExit(service);
        PipelineBenchmark.log("Starting moderation-service (state: %s, log: %s)", stateDir, service.log());
        service.start();
        CompletableFuture<Long> readyAt = service.readyAsync(timeout);
        String ending;
        HeapSampler sampler = HeapSampler.start(service);
        try (OutcomeAudit audit = OutcomeAudit.open(bootstrap, prefill.ids(), Duration.ofMinutes(3), service::alive)) {
            try {
                ending = PipelineBenchmark.drain(audit, service, timeout, stallLimit);
            } finally {
                sampler.close(); // what it holds is the drain's
            }
            PipelineBenchmark.log("Drain: %s; %s", ending, audit.describe());
            PipelineBenchmark.log("Memory while draining: %s", sampler.describe());
            double firstReady = seconds(readyAt, service.startedAt());
            long stopping = System.nanoTime();
            service.stop();
            PipelineBenchmark.log("Stopped (SIGTERM) in %.1f s", (System.nanoTime() - stopping) / 1e9);
            long stateBytes = sizeOnDisk(stateDir);

            Restart restart = new Restart(Double.NaN, Double.NaN, "not done: the first batch did not drain", "");
            boolean restartClean = false;
            if (audit.complete()) {
                // The service is down, so nothing of the new batch can be decided before the restart.
                Prefill more = Prefill.append(bootstrap, newRecords, seed + 1, CommentMix.DISTINCT_AUTHORS);
                try (OutcomeAudit after = OutcomeAudit.openAtEnd(bootstrap, more.ids())) {
                    PipelineBenchmark.log("Wrote %,d new comments; starting moderation-service again", newRecords);
                    service.start();
                    restart = restart(after, service, restartTimeout);
                    service.stop();
                    PipelineBenchmark.log("Restart: %s; new comments: %s", restart.ending(), restart.outcomes());
                    restartClean = after.complete() && after.duplicated() == 0 && after.unexpected() == 0;
                }
            }
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            report(records, partitions, prefill, audit, ending, sampler, firstReady, stateBytes, stateDir, restart);
            boolean drained = audit.lost() == 0 && audit.duplicated() == 0;
            System.exit(drained && restartClean ? 0 : 1);
        }
    }

    /**
     * Polls the new batch's outcomes from the restart on, and readiness on the side, until both are in (then a little
     * longer, for an outcome of the old batch coming again), the service ends, or the timeout passes.
     */
    private static Restart restart(OutcomeAudit after, ServiceProcess service, Duration timeout) {
        CompletableFuture<Long> ready = service.readyAsync(timeout);
        long started = service.startedAt();
        long firstNew = 0;
        long doneAt = 0;
        String ending;
        while (true) {
            int brought = after.poll(Duration.ofMillis(50));
            long now = System.nanoTime();
            if (brought > 0 && firstNew == 0) {
                firstNew = now;
            }
            if (doneAt == 0 && after.complete() && ready.isDone()) {
                doneAt = now;
            }
            if (doneAt != 0 && now - doneAt >= SETTLE.toNanos()) {
                ending = "new outcomes in, ready";
                break;
            }
            if (!service.alive()) {
                System.err.println(service.logTail(40));
                ending = "moderation-service exited with status " + service.exitStatus();
                break;
            }
            if (now - started > timeout.toNanos()) {
                ending = "timed out after " + timeout.toSeconds() + " s";
                break;
            }
        }
        return new Restart(
                firstNew == 0 ? Double.NaN : (firstNew - started) / 1e9,
                seconds(ready, started),
                ending,
                after.describe());
    }

    private static void report(
            int records,
            int partitions,
            Prefill prefill,
            OutcomeAudit audit,
            String ending,
            HeapSampler sampler,
            double firstReady,
            long stateBytes,
            Path stateDir,
            Restart restart) {
        System.out.printf(
                Locale.ROOT,
                "%nState scale: %,d comments by %,d distinct authors, %d partitions, average record %.0f bytes%n"
                        + "  drain     %,.1f outcomes/s over %.1f s of CreateTime; first start ready after %.1f s (%s)%n"
                        + "  outcomes  lost %d, duplicated %d, unexpected %d%n"
                        + "  memory    %s%n"
                        + "  state     %.1f MiB on disk after SIGTERM (%s)%n"
                        + "  restart   first new outcome %.1f s after the process started, ready after %.1f s (%s)%n"
                        + "  new       %s%n",
                records,
                records,
                partitions,
                prefill.averageBytes(),
                audit.rate(),
                audit.spanSeconds(),
                firstReady,
                ending,
                audit.lost(),
                audit.duplicated(),
                audit.unexpected(),
                sampler.describe(),
                stateBytes / 1048576.0,
                stateDir,
                restart.firstNewOutcome(),
                restart.ready(),
                restart.ending(),
                restart.outcomes());
        System.out.printf(
                Locale.ROOT,
                "RESULT records=%d partitions=%d drain_rps=%.1f lost=%d duplicated=%d heap_max_mib=%.0f"
                        + " heap_last_mib=%.0f rss_max_mib=%.0f state_mib=%.1f restart_first_outcome_s=%.1f"
                        + " restart_ready_s=%.1f%n",
                records,
                partitions,
                audit.rate(),
                audit.lost(),
                audit.duplicated(),
                sampler.maxHeap() / 1048576.0,
                sampler.lastHeap() / 1048576.0,
                sampler.maxRss() / 1048576.0,
                stateBytes / 1048576.0,
                restart.firstNewOutcome(),
                restart.ready());
    }

    /** Seconds from {@code started} to when the future completed; NaN if it has not, or failed. */
    private static double seconds(CompletableFuture<Long> readyAt, long started) {
        if (!readyAt.isDone() || readyAt.isCompletedExceptionally()) {
            return Double.NaN;
        }
        return (readyAt.join() - started) / 1e9;
    }

    /** The bytes of every file under {@code folder}. */
    private static long sizeOnDisk(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException gone) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
