package io.modstream.load;

import io.modstream.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
 * <p>With {@code --ceiling-passes P} (default 1, as MEASURING.md has it) the ceiling is measured P times, each pass
 * reading the same records from the beginning, and the median is reported. One pass times 200,000 records over about
 * 2 s of CreateTime, where one hiccup of these shared cores moves it far; and later passes run faster than the first,
 * because the loop's JIT and the broker have warmed up (docs/benchmarks.md has both).
 *
 * <pre>
 * java -jar testing/load/target/load.jar --bootstrap 127.0.0.1:19092 --records 50000 --partitions 3 \
 *     --service-jar moderation-service/target/moderation-service-0.1.0-SNAPSHOT-exec.jar \
 *     [--warm-up W] [--ceiling-passes P] [--work-dir DIR] [--seed S] [--timeout-s S] [--stall-timeout-s S] [--service-jvm "-Xmx512m"] \
 *     [--service-args ARG...]
 * </pre>
 */
public final class PipelineBenchmark {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "records",
            "warm-up",
            "ceiling-passes",
            "broker-pid",
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

        int passes = options.integer("ceiling-passes", 1);
        long brokerPid = options.number("broker-pid", 0);
        log("Ceiling: plain consume->produce, transactions every 100 ms, %d passes", passes);
        List<Ceiling.Result> passed = new ArrayList<>();
        for (int pass = 1; pass <= passes; pass++) {
            Duration brokerBefore = ServiceCpu.usedBy(brokerPid);
            Ceiling.Result result = Ceiling.run(bootstrap, warmUp + records, partitions, timedFrom, pass);
            passed.add(result);
            log(
                    "Ceiling, pass %d: %,d records in %.1f s of CreateTime: %,.0f records/s; broker %.1f us of CPU per"
                            + " record copied",
                    pass,
                    result.records(),
                    (result.lastCreateTime() - result.firstCreateTime()) / 1000.0,
                    result.rate(),
                    ServiceCpu.usedBy(brokerPid).minus(brokerBefore).toNanos() / 1000.0 / (warmUp + records));
        }
        // One pass times its records over about 2 s, where one hiccup of these shared cores moves it far: the median.
        passed.sort(Comparator.comparingDouble(Ceiling.Result::rate));
        Ceiling.Result ceiling = passed.get(passed.size() / 2);

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
        // The broker shares the two cores: its CPU per outcome is part of what the pipeline costs the machine.
        ServiceCpu brokerCpu = brokerPid > 0 ? new ServiceCpu(brokerPid, warmUp) : null;
        List<ServiceCpu> cpus = brokerCpu != null ? List.of(cpu, brokerCpu) : List.of(cpu);
        String ending;
        OutcomeAudit audit =
                OutcomeAudit.open(bootstrap, everyId, prefill.ids(), Duration.ofMinutes(3), service::alive);
        try {
            ending = drain(audit, service, timeout, stallLimit, cpus);
            service.stop();
        } finally {
            audit.close();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        log("Pipeline: %s; %s", ending, audit.describe());

        double pipelineRate = audit.rate();
        double ratio = pipelineRate / ceiling.rate();
        double serviceMicros = cpu.microsPerOutcome(records);
        double brokerMicros = brokerCpu != null ? brokerCpu.microsPerOutcome(records) : Double.NaN;
        System.out.printf(
                Locale.ROOT,
                "%nPipeline benchmark (MEASURING.md): %,d records timed after %,d warm-up, %d partitions,"
                        + " average record %.0f bytes%n"
                        + "  ceiling   %,10.1f records/s   plain transactional consume->produce, no work (median of %d passes)%n"
                        + "  pipeline  %,10.1f records/s   moderation-service, outcomes over %.1f s of CreateTime%n"
                        + "  ratio     %10.4f             pipeline / ceiling (the ceiling is %.1fx the pipeline)%n"
                        + "  cpu       %10.1f us/outcome  moderation-service's CPU time (all threads) per timed outcome%n"
                        + "  broker    %10.1f us/outcome  the broker's CPU time per timed outcome (NaN: not given)%n"
                        + "  outcomes  lost %d, duplicated %d, unexpected %d (%s)%n",
                records,
                warmUp,
                partitions,
                prefill.averageBytes(),
                ceiling.rate(),
                passes,
                pipelineRate,
                audit.spanSeconds(),
                ratio,
                1 / ratio,
                serviceMicros,
                brokerMicros,
                audit.lost(),
                audit.duplicated(),
                audit.unexpected(),
                ending);
        System.out.printf(
                Locale.ROOT,
                "RESULT records=%d warm_up=%d partitions=%d avg_record_bytes=%.0f ceiling_rps=%.1f pipeline_rps=%.1f"
                        + " ratio=%.5f cpu_us_per_outcome=%.1f broker_cpu_us_per_outcome=%.1f lost=%d duplicated=%d"
                        + " unexpected=%d%n",
                records,
                warmUp,
                partitions,
                prefill.averageBytes(),
                ceiling.rate(),
                pipelineRate,
                ratio,
                serviceMicros,
                brokerMicros,
                audit.lost(),
                audit.duplicated(),
                audit.unexpected());
        System.exit(audit.lost() == 0 && audit.duplicated() == 0 ? 0 : 1);
    }

    /** Reads outcomes until all are in (then a little longer, for duplicates), or it gives up; says which. */
    static String drain(OutcomeAudit audit, ServiceProcess service, Duration timeout, Duration stallLimit) {
        return drain(audit, service, timeout, stallLimit, List.of(new ServiceCpu(service.pid(), 0)));
    }

    /** As above, and reads each process's CPU time when the timed outcomes begin and when all are in. */
    static String drain(
            OutcomeAudit audit, ServiceProcess service, Duration timeout, Duration stallLimit, List<ServiceCpu> cpus) {
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
            cpus.forEach(cpu -> cpu.decided(audit.decided()));
            if (completeAt == 0 && audit.complete()) {
                completeAt = now;
                cpus.forEach(ServiceCpu::allIn);
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
