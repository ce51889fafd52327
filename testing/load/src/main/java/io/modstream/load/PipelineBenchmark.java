package io.modstream.load;

import io.modstream.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * Throughput of moderation-service against its ceiling, measured as MEASURING.md prescribes, on a broker that has
 * no topics yet:
 *
 * <ol>
 *   <li>creates {@code comments.submitted} with P partitions and pre-fills it with N comments of the
 *       {@link CommentMix} (fixed seed, so runs are comparable);
 *   <li><b>ceiling:</b> copies them with a transactional consume→produce loop that does no work ({@link Ceiling});
 *   <li><b>pipeline:</b> starts the service jar as a process with P partitions for its topics, and counts its
 *       outcomes with a {@code read_committed} consumer ({@link OutcomeAudit}) until every comment has one, the
 *       timeout passes, or no outcome arrives for the stall limit; then stops it (SIGTERM, then SIGKILL).
 * </ol>
 *
 * <p>Both rates are N divided by the time between the first and the last output record's CreateTime, so the
 * service's start-up does not count.
 *
 * <p>With {@code --warm-up W}, W more comments of the same mix (another seed, so other ids and texts; the same
 * authors) are written before the N, and both the ceiling and the service go through them first: only the N are
 * timed, so the figure is the rate of a service whose JIT compiler has done its work (a freshly started JVM spends
 * more CPU compiling than moderating in its first 20 s, on 2 cores). Every one of the W + N comments is still
 * checked for exactly one outcome. {@code --warm-up 0} (the default) times a cold service. Absolute rates move 2× between runs on shared cores; their ratio far less, which
 * is why both come from the same run. Exits 1 if a comment got no outcome or more than one.
 *
 * <pre>
 * java -jar testing/load/target/load.jar --bootstrap 127.0.0.1:19092 --records 50000 --partitions 3 \
 *     --service-jar moderation-service/target/moderation-service-0.1.0-SNAPSHOT-exec.jar \
 *     [--warm-up W] [--work-dir DIR] [--seed S] [--timeout-s S] [--stall-timeout-s S] [--service-jvm "-Xmx512m"] \
 *     [--service-args ARG...]
 * </pre>
 */
public final class PipelineBenchmark {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "records",
            "warm-up",
            "partitions",
            "service-jar",
            "service-jvm",
            "work-dir",
            "seed",
            "timeout-s",
            "stall-timeout-s");
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        int records = options.integer("records", 50_000);
        int partitions = options.integer("partitions", 3);
        Path workDir = options.path("work-dir", ".");
        Files.createDirectories(workDir);
        Duration timeout = Duration.ofSeconds(options.number(
                "timeout-s", 300 + (records + (long) options.integer("warm-up", 0)) / 20));
        Duration stallLimit = Duration.ofSeconds(options.number("stall-timeout-s", 180));

        int warmUp = options.integer("warm-up", 0);
        long seed = options.number("seed", CommentMix.DEFAULT_SEED);
        Set<String> warmUpIds = Set.of();
        log("Pre-filling comments.submitted (%d partitions)", partitions);
        try (Admin admin = Kafka.admin(bootstrap)) {
            Kafka.createTopic(admin, Topics.COMMENTS_SUBMITTED, partitions);
        }
        if (warmUp > 0) {
            Prefill warming = Prefill.append(bootstrap, warmUp, seed + 1, CommentMix.AUTHORS);
            warmUpIds = warming.ids();
            log("Warm-up (not timed): %s", warming.describe());
        }
        Map<Integer, Long> timedFrom = Kafka.endOffsets(bootstrap, Topics.COMMENTS_SUBMITTED, partitions);
        Prefill prefill = Prefill.append(bootstrap, records, seed, CommentMix.AUTHORS);
        log("Timed: %s", prefill.describe());
        Set<String> everyId = new HashSet<>(warmUpIds);
        everyId.addAll(prefill.ids());

        log("Ceiling: plain consume->produce, transactions every 100 ms");
        Ceiling.Result ceiling = Ceiling.run(bootstrap, warmUp + records, partitions, timedFrom);
        log(
                "Ceiling: %,d records in %.1f s of CreateTime: %,.0f records/s",
                ceiling.records(), (ceiling.lastCreateTime() - ceiling.firstCreateTime()) / 1000.0, ceiling.rate());

        ServiceProcess service = ServiceProcess.moderation(
                options.path("service-jar", ""),
                bootstrap,
                partitions,
                options.words("service-jvm"),
                options.serviceArgs(),
                workDir.resolve("moderation-service.log").toAbsolutePath());
        Thread stopOnExit = ServiceProcess.stopAllOnExit(service);
        log("Pipeline: starting moderation-service (log: %s)", service.log());
        service.start();
        ServiceCpu cpu = new ServiceCpu(service.pid(), warmUp);
        String ending;
        OutcomeAudit audit =
                OutcomeAudit.open(bootstrap, everyId, prefill.ids(), Duration.ofMinutes(3), service::alive);
        try {
            ending = drain(audit, service, timeout, stallLimit, cpu);
            service.stop();
        } finally {
            audit.close();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        log("Pipeline: %s; %s", ending, audit.describe());

        double pipelineRate = audit.rate();
        double ratio = pipelineRate / ceiling.rate();
        System.out.printf(
                Locale.ROOT,
                "%nPipeline benchmark (MEASURING.md): %,d records timed after %,d warm-up, %d partitions,"
                        + " average record %.0f bytes%n"
                        + "  ceiling   %,10.1f records/s   plain transactional consume->produce, no work%n"
                        + "  pipeline  %,10.1f records/s   moderation-service, outcomes over %.1f s of CreateTime%n"
                        + "  ratio     %10.4f             pipeline / ceiling (the ceiling is %.1fx the pipeline)%n"
                        + "  cpu       %10.1f us/outcome  moderation-service's CPU time (all threads) per timed outcome%n"
                        + "  outcomes  lost %d, duplicated %d, unexpected %d (%s)%n",
                records,
                warmUp,
                partitions,
                prefill.averageBytes(),
                ceiling.rate(),
                pipelineRate,
                audit.spanSeconds(),
                ratio,
                1 / ratio,
                cpu.microsPerOutcome(records),
                audit.lost(),
                audit.duplicated(),
                audit.unexpected(),
                ending);
        System.out.printf(
                Locale.ROOT,
                "RESULT records=%d warm_up=%d partitions=%d avg_record_bytes=%.0f ceiling_rps=%.1f pipeline_rps=%.1f"
                        + " ratio=%.5f cpu_us_per_outcome=%.1f lost=%d duplicated=%d unexpected=%d%n",
                records,
                warmUp,
                partitions,
                prefill.averageBytes(),
                ceiling.rate(),
                pipelineRate,
                ratio,
                cpu.microsPerOutcome(records),
                audit.lost(),
                audit.duplicated(),
                audit.unexpected());
        System.exit(audit.lost() == 0 && audit.duplicated() == 0 ? 0 : 1);
    }

    /** Reads outcomes until all are in (then a little longer, for duplicates), or it gives up; says which. */
    static String drain(OutcomeAudit audit, ServiceProcess service, Duration timeout, Duration stallLimit) {
        return drain(audit, service, timeout, stallLimit, new ServiceCpu(service.pid(), 0));
    }

    /** As above, and reads the service's CPU time when the timed outcomes begin and when all are in. */
    static String drain(
            OutcomeAudit audit, ServiceProcess service, Duration timeout, Duration stallLimit, ServiceCpu cpu) {
        long start = System.nanoTime();
        long lastOutcome = start;
        long lastReport = start;
        long completeAt = 0;
        while (true) {
            int brought = audit.poll(Duration.ofMillis(500));
            long now = System.nanoTime();
            if (brought > 0) {
                lastOutcome = now;
            }
            cpu.decided(audit.decided());
            if (completeAt == 0 && audit.complete()) {
                completeAt = now;
                cpu.allIn();
            }
            if (completeAt != 0 && now - completeAt >= SETTLE.toNanos()) {
                return "all outcomes in";
            }
            if (!service.alive()) {
                System.err.println(service.logTail(40));
                return "moderation-service exited with status " + service.exitStatus();
            }
            if (now - start > timeout.toNanos()) {
                return "timed out after " + timeout.toSeconds() + " s";
            }
            if (now - lastOutcome > stallLimit.toNanos()) {
                return "no outcome for " + stallLimit.toSeconds() + " s";
            }
            if (now - lastReport >= Duration.ofSeconds(15).toNanos()) {
                lastReport = now;
                log("  %,d decided, %,.1f/s so far", audit.decided(), audit.rate());
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(
                Locale.ROOT, "%tT %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
