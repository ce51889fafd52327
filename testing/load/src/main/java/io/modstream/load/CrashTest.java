package io.modstream.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The crash test of MEASURING.md, on a broker that has no topics yet: pre-fills N comments of the
 * {@link CommentMix}, starts moderation-service, and K times (5 by default) while it drains the backlog kills it with SIGKILL and
 * starts it again at once. The moments are random (seeded): each crash comes when the auditor has seen a drawn
 * share of the outcomes (one in each of K equal slices of 5–85 %), and never before the restarted service has published again.
 *
 * <p>The auditor, a {@code read_committed} consumer reading the outcome topics from the beginning
 * ({@link OutcomeAudit}), checks that every pre-filled id has exactly one outcome (lost, duplicated, unexpected), and
 * measures the stall a site would see after each kill: the longest wall-clock gap between polls that brought
 * outcomes, from the last one before the kill to the next kill ({@link KillStalls}). Exits 1 if any comment was lost
 * or duplicated.
 *
 * <pre>
 * java -cp testing/load/target/load.jar io.modstream.load.CrashTest --bootstrap 127.0.0.1:19092 --records 5000 \
 *     --service-jar moderation-service/target/moderation-service-0.1.0-SNAPSHOT-exec.jar \
 *     [--partitions P] [--crashes 5] [--work-dir DIR] [--seed S] [--timeout-s S] [--stall-timeout-s S] \
 *     [--service-jvm "-Xmx512m"] [--service-args ARG...]
 * </pre>
 */
public final class CrashTest {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "records",
            "partitions",
            "crashes",
            "service-jar",
            "service-jvm",
            "work-dir",
            "seed",
            "timeout-s",
            "stall-timeout-s");
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private CrashTest() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        int records = options.integer("records", 5_000);
        int partitions = options.integer("partitions", 3);
        int crashes = options.integer("crashes", 5);
        long seed = options.number("seed", CommentMix.DEFAULT_SEED);
        Path workDir = options.path("work-dir", ".");
        Files.createDirectories(workDir);
        Duration timeout = Duration.ofSeconds(options.number("timeout-s", 600 + records / 10L));
        Duration stallLimit = Duration.ofSeconds(options.number("stall-timeout-s", 300));

        PipelineBenchmark.log("Pre-filling comments.submitted (%d partitions)", partitions);
        Prefill prefill = Prefill.write(bootstrap, records, partitions, seed);
        PipelineBenchmark.log("%s", prefill.describe());
        List<Integer> killAt = killPoints(new Random(seed ^ 0x5DEECE66DL), records, crashes);
        PipelineBenchmark.log("Will kill -9 the service when the auditor has seen %s outcomes", killAt);

        ServiceProcess service = ServiceProcess.moderation(
                options.path("service-jar", ""),
                bootstrap,
                partitions,
                options.words("service-jvm"),
                options.serviceArgs(),
                workDir.resolve("moderation-service.log").toAbsolutePath());
        Thread stopOnExit = ServiceProcess.stopAllOnExit(service);
        PipelineBenchmark.log("Starting moderation-service (log: %s)", service.log());
        service.start();

        KillStalls stalls = new KillStalls();
        int kills = 0;
        String ending;
        OutcomeAudit audit = OutcomeAudit.open(bootstrap, prefill.ids(), Duration.ofMinutes(3), service::alive);
        try {
            long start = System.nanoTime();
            long completeAt = 0;
            boolean publishedSinceStart = false;
            while (true) {
                int brought = audit.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                if (brought > 0) {
                    stalls.outcomes(now);
                    publishedSinceStart = true;
                }
                if (completeAt == 0 && audit.complete()) {
                    completeAt = now;
                }
                if (completeAt != 0 && now - completeAt >= SETTLE.toNanos()) {
                    ending = "all outcomes in";
                    break;
                }
                if (!service.alive()) {
                    System.err.println(service.logTail(40));
                    ending = "moderation-service exited by itself with status " + service.exitStatus();
                    break;
                }
                if (now - start > timeout.toNanos()) {
                    ending = "timed out after " + timeout.toSeconds() + " s";
                    break;
                }
                if (stalls.quietLongerThan(now, stallLimit.toNanos())) {
                    ending = "no outcome for " + stallLimit.toSeconds() + " s";
                    break;
                }
                if (kills < killAt.size() && publishedSinceStart && audit.decided() >= killAt.get(kills)) {
                    int decided = audit.decided();
                    service.kill();
                    int previousKill = kills++;
                    stalls.killed(decided, System.nanoTime()).ifPresent(stall -> logStall(previousKill, stall));
                    PipelineBenchmark.log("Kill %d (SIGKILL) at %,d decided; starting it again", kills, decided);
                    service.start();
                    publishedSinceStart = false;
                }
            }
            service.stop();
        } finally {
            audit.close();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        PipelineBenchmark.log("Crash test: %s; %s", ending, audit.describe());
        List<KillStalls.Stall> done = stalls.kills();
        if (!done.isEmpty()) {
            logStall(done.size(), done.get(done.size() - 1));
        }
        report(records, partitions, crashes, done, stalls.longestGap(), audit, ending);
        System.exit(audit.lost() == 0 && audit.duplicated() == 0 ? 0 : 1);
    }

    private static void logStall(int kill, KillStalls.Stall stall) {
        PipelineBenchmark.log(
                "  after kill %d: longest stall %.1f s, outcomes flowing again %.1f s after the kill%s",
                kill, stall.seconds(), stall.againAfterKillSeconds(), stall.resumed() ? "" : " (none since the kill)");
    }

    /**
     * {@code crashes} outcome counts between 5 % and 85 % of the records, in order: one drawn at random from each of
     * {@code crashes} equal slices of that range, so the kills are spread over the drain but not predictable.
     */
    private static List<Integer> killPoints(Random random, int records, int crashes) {
        List<Integer> points = new ArrayList<>();
        double low = records * 0.05;
        double slice = records * 0.80 / crashes;
        for (int i = 0; i < crashes; i++) {
            points.add(Math.max(1, (int) (low + slice * (i + random.nextDouble()))));
        }
        return List.copyOf(points);
    }

    private static void report(
            int records,
            int partitions,
            int crashes,
            List<KillStalls.Stall> done,
            long longestGap,
            OutcomeAudit audit,
            String ending) {
        System.out.printf(
                Locale.ROOT,
                "%nCrash test (MEASURING.md): %,d records, %d partitions, %d of %d kills done (%s)%n",
                records,
                partitions,
                done.size(),
                crashes,
                ending);
        double worst = 0;
        for (int i = 0; i < done.size(); i++) {
            KillStalls.Stall stall = done.get(i);
            worst = Math.max(worst, stall.seconds());
            System.out.printf(
                    Locale.ROOT,
                    "  kill %d at %,6d decided: longest stall %5.1f s, outcomes flowing again %5.1f s after the kill%s%n",
                    i + 1,
                    stall.decidedAtKill(),
                    stall.seconds(),
                    stall.againAfterKillSeconds(),
                    stall.resumed() ? "" : " (none since the kill)");
        }
        System.out.printf(
                Locale.ROOT,
                "  longest gap between polls that brought outcomes: %.1f s over the whole run%n"
                        + "  outcomes  lost %d, duplicated %d, unexpected %d%n",
                longestGap / 1e9,
                audit.lost(),
                audit.duplicated(),
                audit.unexpected());
        System.out.printf(
                Locale.ROOT,
                "RESULT records=%d partitions=%d kills=%d lost=%d duplicated=%d unexpected=%d max_restart_gap_s=%.1f"
                        + " longest_gap_s=%.1f%n",
                records,
                partitions,
                done.size(),
                audit.lost(),
                audit.duplicated(),
                audit.unexpected(),
                worst,
                longestGap / 1e9);
    }
}
