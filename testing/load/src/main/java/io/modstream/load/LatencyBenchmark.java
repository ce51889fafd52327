package io.modstream.load;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Latency through the whole stack, as MEASURING.md prescribes, on a broker that has no topics yet:
 *
 * <ol>
 *   <li>starts the packaged comment-ingest (one site, {@link CommentMix#SITE_ID}, with a key made up for the run) and
 *       moderation-service as processes, with P partitions for their topics, and waits until both answer 200 on
 *       {@code /actuator/health/readiness};
 *   <li>a {@code read_committed} consumer ({@link OutcomeClock}) reads the outcome topics from then on and times
 *       each outcome: when its poll returned it, minus the comment's {@code submittedAt}, which comment-ingest
 *       stamped (the method's figure), and minus the moment its POST was due by the fixed rate (a stricter one: it
 *       also counts the time a POST waited to go out or to be read, which {@code submittedAt} cannot see);
 *   <li><b>warm-up:</b> POSTs a few hundred comments at a low rate and waits until every one has its outcome, so no
 *       backlog is left for the measurement;
 *   <li><b>measurement:</b> POSTs comments of the {@link CommentMix} (each by an author of its own) at a fixed rate
 *       for S seconds over C keep-alive connections ({@link CommentPoster}), then waits a grace period for the last
 *       outcomes. A comment accepted (202) with no outcome by then is lost.
 * </ol>
 *
 * <p>Reports how many outcomes were timed, the rate the POSTs achieved, p50/p90/p99/max of the latency, lost comments
 * and failed POSTs. Exits 1 if a comment was lost or the warm-up did not drain.
 *
 * <pre>
 * java -cp testing/load/target/load.jar io.modstream.load.LatencyBenchmark --bootstrap 127.0.0.1:19092 \
 *     --ingest-jar comment-ingest/target/comment-ingest-0.1.0-SNAPSHOT-exec.jar \
 *     --service-jar moderation-service/target/moderation-service-0.1.0-SNAPSHOT-exec.jar \
 *     [--rate 500] [--seconds 60] [--connections 64] [--warmup 300] [--warmup-rate 50] [--grace-s 30] \
 *     [--partitions 3] [--work-dir DIR] [--seed S] [--broker-pid PID] [--broker-warmup-s 0] \
 *     [--moderation-warmup 0] [--service-jvm "-Xmx512m"] [--service-args ARG...]
 * </pre>
 *
 * {@code --broker-pid} adds the broker to the CPU seconds printed per 10-s window. {@code --broker-warmup-s} first
 * runs {@link BrokerWarmup} for that long, before the services start. {@code --moderation-warmup N}, a diagnostic,
 * writes N comments straight to {@code comments.submitted} once both services are ready and waits for their outcomes,
 * so that moderation-service's JIT is warm while comment-ingest's is not. {@code --service-jvm} applies to both services, {@code --service-args} to moderation-service only.
 */
public final class LatencyBenchmark {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "ingest-jar",
            "service-jar",
            "service-jvm",
            "partitions",
            "rate",
            "seconds",
            "connections",
            "warmup",
            "warmup-rate",
            "grace-s",
            "work-dir",
            "seed",
            "broker-pid",
            "broker-warmup-s",
            "moderation-warmup");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration WARMUP_DRAIN_TIMEOUT = Duration.ofMinutes(2);

    private LatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        int partitions = options.integer("partitions", 3);
        int rate = options.integer("rate", 500);
        int seconds = options.integer("seconds", 60);
        int connections = options.integer("connections", 64);
        int warmup = options.integer("warmup", 300);
        int warmupRate = options.integer("warmup-rate", 50);
        Duration grace = Duration.ofSeconds(options.number("grace-s", 30));
        Path workDir = options.path("work-dir", ".");
        Files.createDirectories(workDir);
        List<String> jvm = options.words("service-jvm");

        int brokerWarmup = options.integer("broker-warmup-s", 0);
        if (brokerWarmup > 0) {
            PipelineBenchmark.log(
                    "Broker warm-up: %d s of the pipeline's traffic at %,d/s on topics of its own, services not started",
                    brokerWarmup, rate);
            long copied = BrokerWarmup.run(bootstrap, partitions, rate, Duration.ofSeconds(brokerWarmup));
            PipelineBenchmark.log("Broker warm-up: %,d records through", copied);
        }

        SiteKey siteKey = SiteKey.random();
        String apiKey = siteKey.secret();
        ServiceProcess ingest = ServiceProcess.ingest(
                options.path("ingest-jar", ""),
                bootstrap,
                partitions,
                CommentMix.SITE_ID,
                siteKey.sha256Hex(),
                jvm,
                List.of(),
                workDir.resolve("comment-ingest.log").toAbsolutePath());
        ServiceProcess moderation = ServiceProcess.moderation(
                options.path("service-jar", ""),
                bootstrap,
                partitions,
                jvm,
                options.serviceArgs(),
                workDir.resolve("moderation-service.log").toAbsolutePath());
        Thread stopOnExit = ServiceProcess.stopAllOnExit(ingest, moderation);
        PipelineBenchmark.log("Starting comment-ingest and moderation-service (logs in %s)", workDir);
        ingest.start();
        moderation.start();
        CompletableFuture<Long> ingestReady = ingest.readyAsync(START_TIMEOUT);
        long moderationReady = moderation.awaitReady(START_TIMEOUT);
        long ingestReadyAt = ingestReady.join();
        PipelineBenchmark.log(
                "Ready: comment-ingest after %.1f s, moderation-service after %.1f s",
                (ingestReadyAt - ingest.startedAt()) / 1e9, (moderationReady - moderation.startedAt()) / 1e9);

        CommentMix mix = new CommentMix(
                options.number("seed", CommentMix.DEFAULT_SEED),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                CommentMix.DISTINCT_AUTHORS);
        List<byte[]> warmupBodies = requests(mix, warmup);
        List<byte[]> bodies = requests(mix, rate * seconds);
        int exit;
        try (OutcomeClock clock = OutcomeClock.start(bootstrap, START_TIMEOUT, moderation::alive);
                CommentPoster poster = new CommentPoster(ingest.url("/api/v1/comments"), apiKey, connections)) {
            int moderationWarmup = options.integer("moderation-warmup", 0);
            if (moderationWarmup > 0) {
                // A diagnostic: moderation-service's stream path warm (its JIT through N comments), comment-ingest
                // still cold. The comments go straight to comments.submitted, as comment-ingest would write them.
                PipelineBenchmark.log(
                        "Moderation warm-up: %,d comments straight to %s", moderationWarmup, Topics.COMMENTS_SUBMITTED);
                Prefill direct = Prefill.append(
                        bootstrap,
                        moderationWarmup,
                        options.number("seed", CommentMix.DEFAULT_SEED) + 1,
                        CommentMix.DISTINCT_AUTHORS);
                if (!awaitOutcomes(clock, List.copyOf(direct.ids()), WARMUP_DRAIN_TIMEOUT, ingest, moderation)) {
                    throw new IllegalStateException(
                            "The moderation warm-up did not drain within " + WARMUP_DRAIN_TIMEOUT.toSeconds() + " s");
                }
                PipelineBenchmark.log("Moderation warm-up drained");
            }
            PipelineBenchmark.log("Warm-up: %,d comments at %,d/s", warmup, warmupRate);
            CommentPoster.Result warm = poster.post(warmupBodies, warmupRate);
            PipelineBenchmark.log("Warm-up: %s", CommentPoster.describe(warm, warmupRate));
            if (!awaitOutcomes(clock, warm.acceptedIds(), WARMUP_DRAIN_TIMEOUT, ingest, moderation)) {
                System.out.printf(
                        Locale.ROOT,
                        "%nThe warm-up did not drain: %,d of %,d accepted comments had an outcome after %d s;"
                                + " no measurement%n",
                        clock.seen(warm.acceptedIds()),
                        warm.acceptedIds().size(),
                        WARMUP_DRAIN_TIMEOUT.toSeconds());
                ServiceProcess.stopAll(ingest, moderation);
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
                System.exit(1);
            }
            PipelineBenchmark.log("Warm-up drained: every accepted comment has its outcome");

            PipelineBenchmark.log(
                    "Measuring: %,d comments at %,d/s for %d s over %d connections",
                    bodies.size(), rate, seconds, connections);
            CommentPoster.Result run;
            String cpu;
            Map<String, Long> processes = new TreeMap<>(Map.of(
                    "comment-ingest", ingest.pid(),
                    "moderation-service", moderation.pid(),
                    "this driver", ProcessHandle.current().pid()));
            long brokerPid = options.integer("broker-pid", 0);
            if (brokerPid > 0) {
                processes.put("broker", brokerPid);
            }
            try (CpuWindows windows = new CpuWindows(processes, 10)) {
                run = poster.post(bodies, rate);
                cpu = windows.describe() + windows.describeThreads(bodies.size(), 0.01);
            }
            PipelineBenchmark.log("Posted: %s", CommentPoster.describe(run, rate));
            for (String failure : run.failures()) {
                PipelineBenchmark.log("  failed POST: %s", failure);
            }
            awaitOutcomes(clock, run.acceptedIds(), grace, ingest, moderation);
            clock.check();
            exit = report(run, rate, seconds, connections, partitions, clock);
            System.out.print(cpu);
        }
        ServiceProcess.stopAll(ingest, moderation);
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        System.exit(exit);
    }

    /** Waits until every id has an outcome; false if the timeout passed or a service ended first. */
    private static boolean awaitOutcomes(
            OutcomeClock clock, List<String> ids, Duration timeout, ServiceProcess... services)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clock.seen(ids) < ids.size()) {
            clock.check();
            for (ServiceProcess service : services) {
                if (!service.alive()) {
                    System.err.println(service.logTail(40));
                    PipelineBenchmark.log("%s exited with status %s", service.name(), service.exitStatus());
                    return false;
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static int report(
            CommentPoster.Result run, int rate, int seconds, int connections, int partitions, OutcomeClock clock) {
        long[] micros = run.acceptedIds().stream()
                .map(clock::latencyMicros)
                .filter(latency -> latency != null)
                .mapToLong(Long::longValue)
                .toArray();
        Percentiles latency = new Percentiles(micros);
        Percentiles fromDue = fromDue(run.acceptedIds(), run, clock);
        int lost = run.acceptedIds().size() - latency.count();
        System.out.printf(
                Locale.ROOT,
                "%nLatency benchmark (MEASURING.md): POST to comment-ingest -> outcome visible to read_committed,"
                        + " %d partitions%n"
                        + "  offered   %,.1f/s achieved of %,d/s asked, %d s, %d connections; %,d POSTs, %,d failed,"
                        + " %,d late by >10 ms%n"
                        + "  latency   %s over %,d outcomes%n"
                        + "  from due  %s (from the moment each POST was due, by the fixed rate, to visible: also"
                        + " counts the time a POST waited for a connection or for comment-ingest to read it)%n"
                        + "    parts   %s from submittedAt to comment-ingest's send%n"
                        + "            %s from the send to the outcome's write (broker, waiting, moderation)%n"
                        + "            %s from the write to visible (the commit interval, the commit, the read)%n"
                        + "  answered  %s (POST to 202)%n"
                        + "  outcomes  lost %,d (accepted, no outcome after the grace period), duplicated %,d,"
                        + " unreadable %,d%n",
                partitions,
                run.achievedRate(),
                rate,
                seconds,
                connections,
                run.started(),
                run.failed(),
                run.late(),
                latency.describe(),
                latency.count(),
                fromDue.describe(),
                toSend(run.acceptedIds(), clock).describe(),
                toWrite(run.acceptedIds(), clock).describe(),
                toVisible(run.acceptedIds(), clock).describe(),
                run.answered().describe(),
                lost,
                clock.duplicates(),
                clock.unreadable());
        System.out.printf(
                Locale.ROOT,
                "RESULT rate=%d achieved_rps=%.1f seconds=%d connections=%d posts=%d failed=%d outcomes=%d"
                        + " p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f due_p50_ms=%.1f due_p99_ms=%.1f lost=%d"
                        + " duplicated=%d%n",
                rate,
                run.achievedRate(),
                seconds,
                connections,
                run.started(),
                run.failed(),
                latency.count(),
                latency.millis(50),
                latency.millis(90),
                latency.millis(99),
                latency.maxMillis(),
                fromDue.millis(50),
                fromDue.millis(99),
                lost,
                clock.duplicates());
        System.out.print(byWindow(run, clock, Duration.ofSeconds(10)));
        return lost == 0 ? 0 : 1;
    }

    /**
     * Per outcome, in µs: from the moment its POST was due to the moment the outcome was seen. Unlike the latency from
     * {@code submittedAt}, it counts a POST that went out late because every connection was waiting for an answer, or
     * that waited in comment-ingest's socket before being read: a backlog in front of comment-ingest shows here.
     */
    private static Percentiles fromDue(List<String> ids, CommentPoster.Result run, OutcomeClock clock) {
        return between(ids, run.dueMicros()::get, clock::seenMicros);
    }

    /** Per outcome, in µs: from stamping the comment's {@code submittedAt} to handing it to the Kafka producer. */
    private static Percentiles toSend(List<String> ids, OutcomeClock clock) {
        return between(ids, id -> micros(clock.submittedAtMillis(id)), id -> micros(clock.sentMillis(id)));
    }

    /** Per outcome, in µs: from comment-ingest's send to moderation-service's write of the outcome. */
    private static Percentiles toWrite(List<String> ids, OutcomeClock clock) {
        return between(ids, id -> micros(clock.sentMillis(id)), id -> micros(clock.writtenMillis(id)));
    }

    /** Per outcome: the rest of its latency, from the outcome's write until the consumer saw it, in µs. */
    private static Percentiles toVisible(List<String> ids, OutcomeClock clock) {
        return between(ids, id -> micros(clock.writtenMillis(id)), clock::seenMicros);
    }

    /** The time from one moment of each comment to another, in µs, over the comments for which both are known. */
    private static Percentiles between(List<String> ids, Function<String, Long> from, Function<String, Long> to) {
        return new Percentiles(ids.stream()
                .filter(id -> from.apply(id) != null && to.apply(id) != null)
                .mapToLong(id -> to.apply(id) - from.apply(id))
                .toArray());
    }

    private static Long micros(Long millis) {
        return millis == null ? null : millis * 1_000;
    }

    /**
     * The latency of the comments submitted in each {@code window} of the run, to tell a tail spread over the run
     * from one that comes from a few seconds (a JVM still compiling, a pause).
     */
    private static String byWindow(CommentPoster.Result run, OutcomeClock clock, Duration window) {
        Map<Long, List<String>> windows = new TreeMap<>();
        long first = Long.MAX_VALUE;
        for (String id : run.acceptedIds()) {
            Long at = clock.submittedAtMillis(id);
            if (at != null) {
                first = Math.min(first, at);
            }
        }
        for (String id : run.acceptedIds()) {
            Long at = clock.submittedAtMillis(id);
            if (at != null) {
                windows.computeIfAbsent((at - first) / window.toMillis(), w -> new ArrayList<>())
                        .add(id);
            }
        }
        StringBuilder out = new StringBuilder(
                "  by time of submission (then p99 of the parts: to the send / to the write / to visible; then p99 from"
                        + " the moment due):\n");
        windows.forEach((index, ids) -> {
            out.append(String.format(
                    Locale.ROOT,
                    "    %3d-%3d s  %s over %,d; p99 %.1f / %.1f / %.1f ms; from due %.1f ms%n",
                    index * window.toSeconds(),
                    (index + 1) * window.toSeconds(),
                    new Percentiles(ids.stream().mapToLong(clock::latencyMicros).toArray()).describe(),
                    ids.size(),
                    toSend(ids, clock).millis(99),
                    toWrite(ids, clock).millis(99),
                    toVisible(ids, clock).millis(99),
                    fromDue(ids, run, clock).millis(99)));
        });
        return out.toString();
    }

    /** The JSON a site's backend would post for each comment; every comment has an author of its own. */
    private static List<byte[]> requests(CommentMix mix, int count) {
        JsonMapper json = JsonMapper.builder().build();
        List<byte[]> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CommentSubmitted comment = mix.next().comment();
            requests.add(json.writeValueAsBytes(Map.of(
                    "threadId",
                    comment.threadId(),
                    "author",
                    Map.of("id", comment.author().id(), "name", comment.author().name()),
                    "body",
                    comment.body())));
        }
        return requests;
    }
}
