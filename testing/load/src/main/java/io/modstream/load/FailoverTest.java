package io.modstream.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Fail-over between two instances, on a broker that has no topics yet: pre-fills N comments of the
 * {@link CommentMix}, starts two moderation-service processes in one consumer group (each on its own port and with
 * its own state folder, sharing a made-up cluster token), and once both are ready and the auditor has seen a given
 * share of the outcomes (30 % by default), kills instance A with SIGKILL and does not start it again. Instance B
 * must take over A's tasks (after the group's session timeout, restoring A's stores from their changelogs) and
 * drain the rest.
 *
 * <p>The auditor, a {@code read_committed} consumer reading the outcome topics from the beginning
 * ({@link OutcomeAudit}), checks that every comment has exactly one outcome, and measures the longest wall-clock gap
 * between polls that brought outcomes from the last one before the kill to the end. Exits 1 if a comment was lost or
 * duplicated, 2 if the backlog drained before the kill could happen (use more records).
 *
 * <pre>
 * java -cp testing/load/target/load.jar io.modstream.load.FailoverTest --bootstrap 127.0.0.1:19092 \
 *     --service-jar moderation-service/target/moderation-service-0.1.0-SNAPSHOT-exec.jar [--records 50000] \
 *     [--kill-at-percent 30] [--partitions 3] [--work-dir DIR] [--seed S] [--timeout-s S] [--stall-timeout-s S] \
 *     [--service-jvm "-Xmx512m"] [--service-args ARG...]
 * </pre>
 */
public final class FailoverTest {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "records",
            "kill-at-percent",
            "partitions",
            "service-jar",
            "service-jvm",
            "work-dir",
            "seed",
            "timeout-s",
            "stall-timeout-s");
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private FailoverTest() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        int records = options.integer("records", 50_000);
        int partitions = options.integer("partitions", 3);
        int killAt = Math.max(1, (int) ((long) records * options.integer("kill-at-percent", 30) / 100));
        Path workDir = options.path("work-dir", ".");
        Files.createDirectories(workDir);
        Duration timeout = Duration.ofSeconds(options.number("timeout-s", 600 + records / 10L));
        Duration stallLimit = Duration.ofSeconds(options.number("stall-timeout-s", 300));

        PipelineBenchmark.log("Pre-filling comments.submitted (%d partitions)", partitions);
        Prefill prefill =
                Prefill.write(bootstrap, records, partitions, options.number("seed", CommentMix.DEFAULT_SEED));
        PipelineBenchmark.log("%s", prefill.describe());

        String token = "load-" + randomToken();
        ServiceProcess victim = instance(options, bootstrap, partitions, workDir, "a", token);
        ServiceProcess survivor = instance(options, bootstrap, partitions, workDir, "b", token);
        Thread stopOnExit = ServiceProcess.stopAllOnExit(victim, survivor);
        PipelineBenchmark.log("Starting two instances in one group (logs: %s, %s)", victim.log(), survivor.log());
        victim.start();
        survivor.start();
        CompletableFuture<Long> victimReady = victim.readyAsync(START_TIMEOUT);
        CompletableFuture<Long> survivorReady = survivor.readyAsync(START_TIMEOUT);
        PipelineBenchmark.log("Will kill -9 instance a once both are ready and %,d outcomes are in", killAt);

        String ending;
        long killedAt = 0;
        int decidedAtKill = 0;
        long lastBeforeKill = 0;
        long firstAfterKill = 0;
        long longestGapAfterKill = 0;
        long endedAt;
        long lastOutcome = 0;
        try (OutcomeAudit audit =
                OutcomeAudit.open(bootstrap, prefill.ids(), START_TIMEOUT, () -> victim.alive() || survivor.alive())) {
            long start = System.nanoTime();
            long completeAt = 0;
            while (true) {
                int brought = audit.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                if (brought > 0) {
                    if (killedAt != 0) {
                        longestGapAfterKill = Math.max(longestGapAfterKill, now - lastOutcome);
                        if (firstAfterKill == 0) {
                            firstAfterKill = now;
                            PipelineBenchmark.log(
                                    "  outcomes again %.1f s after the kill (gap between outcome polls %.1f s)",
                                    (now - killedAt) / 1e9, (now - lastBeforeKill) / 1e9);
                        }
                    }
                    lastOutcome = now;
                }
                if (completeAt == 0 && audit.complete()) {
                    completeAt = now;
                    PipelineBenchmark.log("All outcomes in; %s", audit.describe());
                }
                if (completeAt != 0 && now - completeAt >= SETTLE.toNanos()) {
                    ending = killedAt == 0 ? "drained before the kill" : "all outcomes in";
                    break;
                }
                if (!survivor.alive()) {
                    System.err.println(survivor.logTail(40));
                    ending = "the survivor exited with status " + survivor.exitStatus();
                    break;
                }
                if (killedAt == 0 && !victim.alive()) {
                    System.err.println(victim.logTail(40));
                    ending = "instance a exited by itself with status " + victim.exitStatus();
                    break;
                }
                if (now - start > timeout.toNanos()) {
                    ending = "timed out after " + timeout.toSeconds() + " s";
                    break;
                }
                if (lastOutcome != 0 && now - lastOutcome > stallLimit.toNanos()) {
                    ending = "no outcome for " + stallLimit.toSeconds() + " s";
                    break;
                }
                if (killedAt == 0 && audit.decided() >= killAt && succeeded(victimReady) && succeeded(survivorReady)) {
                    decidedAtKill = audit.decided();
                    lastBeforeKill = lastOutcome;
                    victim.kill();
                    killedAt = System.nanoTime();
                    PipelineBenchmark.log(
                            "Killed instance a (SIGKILL) at %,d decided; not restarting it", decidedAtKill);
                }
            }
            endedAt = System.nanoTime();
            survivor.stop();
            victim.stop();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            PipelineBenchmark.log("Fail-over test: %s; %s", ending, audit.describe());
            if (killedAt != 0 && !audit.complete()) {
                // outcomes were still missing at the end: the silence since the last one is a gap too
                longestGapAfterKill = Math.max(longestGapAfterKill, endedAt - lastOutcome);
            }
            report(
                    records,
                    partitions,
                    decidedAtKill,
                    killedAt,
                    lastBeforeKill,
                    firstAfterKill,
                    longestGapAfterKill,
                    audit,
                    ending);
            if (audit.lost() != 0 || audit.duplicated() != 0) {
                System.exit(1);
            }
            System.exit(killedAt == 0 ? 2 : 0);
        }
    }

    /** Instance {@code name}: its own log, pid file and state folder; the group and cluster token are shared. */
    private static ServiceProcess instance(
            Options options, String bootstrap, int partitions, Path workDir, String name, String token) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--modstream.moderation.cluster.token=" + token);
        arguments.addAll(options.serviceArgs());
        return ServiceProcess.moderation(
                options.path("service-jar", ""),
                bootstrap,
                partitions,
                workDir.resolve("streams-state-" + name).toAbsolutePath(),
                options.words("service-jvm"),
                arguments,
                workDir.resolve("moderation-service-" + name + ".log").toAbsolutePath());
    }

    private static boolean succeeded(CompletableFuture<Long> ready) {
        if (ready.isCompletedExceptionally()) {
            ready.join(); // throws, with the log's tail
        }
        return ready.isDone();
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void report(
            int records,
            int partitions,
            int decidedAtKill,
            long killedAt,
            long lastBeforeKill,
            long firstAfterKill,
            long longestGapAfterKill,
            OutcomeAudit audit,
            String ending) {
        double killToOutcome = killedAt == 0 || firstAfterKill == 0 ? Double.NaN : (firstAfterKill - killedAt) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%nFail-over test: %,d records, %d partitions, two instances, a killed (SIGKILL) at %,d decided (%s)%n"
                        + "  outcomes again %.1f s after the kill; longest gap between polls that brought outcomes"
                        + " after the kill: %.1f s%n"
                        + "  outcomes  lost %d, duplicated %d, unexpected %d%n",
                records,
                partitions,
                decidedAtKill,
                ending,
                killToOutcome,
                longestGapAfterKill / 1e9,
                audit.lost(),
                audit.duplicated(),
                audit.unexpected());
        System.out.printf(
                Locale.ROOT,
                "RESULT records=%d partitions=%d killed=%b decided_at_kill=%d kill_to_outcome_s=%.1f"
                        + " longest_gap_after_kill_s=%.1f lost=%d duplicated=%d unexpected=%d%n",
                records,
                partitions,
                killedAt != 0,
                decidedAtKill,
                killToOutcome,
                longestGapAfterKill / 1e9,
                audit.lost(),
                audit.duplicated(),
                audit.unexpected());
    }
}
