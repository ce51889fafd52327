package io.modstream.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * comment-ingest against a bare WebFlux app, by the method of MEASURING.md ("Ingest"): both run as processes against
 * the same fresh broker; wrk (2 threads, keep-alive connections, a unique author per request) posts the same
 * comment JSON to each; after a warm-up of each, rounds of short runs alternate between the two at every connection
 * count, so that the noise of these shared cores falls on both alike. The baseline (testing/ingest-baseline) parses
 * the JSON and answers 202 once {@code KafkaTemplate.send} with acks=all is acknowledged; it writes to a topic of
 * its own, so that comment-ingest's read side does not pay for the baseline's records.
 *
 * <p>Prints each run (requests/s, p50, p99, non-2xx answers), then per connection count the median rate of each side
 * and comment-ingest's ratio to the baseline. Exits 1 if a comment-ingest run had non-2xx answers or socket errors.
 *
 * <pre>
 * java -jar testing/load/target/load.jar --bootstrap 127.0.0.1:19092 \
 *     --ingest-jar comment-ingest/target/comment-ingest-0.1.0-SNAPSHOT-exec.jar \
 *     --baseline-jar testing/ingest-baseline/target/ingest-baseline-0.1.0-SNAPSHOT-exec.jar \
 *     [--connections 64,256] [--seconds 20] [--warm-up-s 40] [--rounds 2] [--work-dir DIR] [--service-jvm "-Xmx512m"]
 *     [--ingest-jvm "OPTIONS ADDED FOR comment-ingest ONLY"]
 *     [--service-args ARG...]   (comment-ingest's arguments, e.g. --management.tracing.sampling.probability=0)
 * </pre>
 */
public final class IngestBenchmark {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "ingest-jar",
            "baseline-jar",
            "connections",
            "seconds",
            "warm-up-s",
            "rounds",
            "partitions",
            "work-dir",
            "service-jvm",
            "ingest-jvm");
    private static final String BASELINE_TOPIC = "ingest-baseline.comments";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        Path workDir = options.path("work-dir", ".").toAbsolutePath();
        Files.createDirectories(workDir);
        int seconds = options.integer("seconds", 20);
        int warmUp = options.integer("warm-up-s", 40);
        int rounds = options.integer("rounds", 2);
        int partitions = options.integer("partitions", 3);
        List<Integer> connections = Arrays.stream(
                        options.string("connections", "64,256").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        List<String> jvm = options.words("service-jvm");
        List<String> ingestJvm = new ArrayList<>(jvm);
        ingestJvm.addAll(options.words("ingest-jvm"));

        try (Admin admin = Kafka.admin(bootstrap)) {
            Kafka.createTopic(admin, BASELINE_TOPIC, partitions);
        }
        SiteKey key = SiteKey.random();
        ServiceProcess ingest = ServiceProcess.ingest(
                options.path("ingest-jar", ""),
                bootstrap,
                partitions,
                "bench-site",
                key.sha256Hex(),
                ingestJvm,
                options.serviceArgs(),
                workDir.resolve("comment-ingest.log"));
        ServiceProcess baseline = ServiceProcess.baseline(
                options.path("baseline-jar", ""),
                bootstrap,
                BASELINE_TOPIC,
                jvm,
                workDir.resolve("ingest-baseline.log"));
        Thread stopOnExit = ServiceProcess.stopAllOnExit(ingest, baseline);
        ingest.start();
        baseline.start();
        ingest.awaitReady(Duration.ofSeconds(180));
        baseline.awaitReady(Duration.ofSeconds(180));
        Path script = workDir.resolve("post-comment.lua");
        Files.writeString(script, luaScript(key), StandardCharsets.UTF_8);

        log("Warm-up: %d s each at %d connections", warmUp, connections.get(0));
        wrk("ingest", ingest, script, connections.get(0), warmUp, workDir);
        wrk("baseline", baseline, script, connections.get(0), warmUp, workDir);

        List<Wrk.Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int c : connections) {
                // Alternate who goes first, so that neither always follows the other's garbage and page cache.
                boolean baselineFirst = round % 2 == 1;
                runs.add(wrk(
                        baselineFirst ? "baseline" : "ingest",
                        baselineFirst ? baseline : ingest,
                        script,
                        c,
                        seconds,
                        workDir));
                runs.add(wrk(
                        baselineFirst ? "ingest" : "baseline",
                        baselineFirst ? ingest : baseline,
                        script,
                        c,
                        seconds,
                        workDir));
            }
        }
        ServiceProcess.stopAll(ingest, baseline);
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        System.exit(report(runs, connections, seconds) ? 0 : 1);
    }

    private static boolean report(List<Wrk.Run> runs, List<Integer> connections, int seconds) {
        System.out.printf(
                Locale.ROOT, "%nIngest benchmark (MEASURING.md): wrk -t2, %d s runs, unique authors%n", seconds);
        for (Wrk.Run run : runs) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-8s %4d connections  %,10.1f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx/errors %d"
                            + "  cpu %6.1f us/request%n",
                    run.app(),
                    run.connections(),
                    run.requestsPerSecond(),
                    run.p50Millis(),
                    run.p99Millis(),
                    run.bad(),
                    run.cpuMicrosPerRequest());
        }
        boolean clean = true;
        for (int c : connections) {
            double ingest = Wrk.median(runs, "ingest", c, Wrk.Run::requestsPerSecond);
            double baseline = Wrk.median(runs, "baseline", c, Wrk.Run::requestsPerSecond);
            double ingestP99 = Wrk.median(runs, "ingest", c, Wrk.Run::p99Millis);
            double baselineP99 = Wrk.median(runs, "baseline", c, Wrk.Run::p99Millis);
            double ingestCpu = Wrk.median(runs, "ingest", c, Wrk.Run::cpuMicrosPerRequest);
            double baselineCpu = Wrk.median(runs, "baseline", c, Wrk.Run::cpuMicrosPerRequest);
            System.out.printf(
                    Locale.ROOT,
                    "  %4d connections: comment-ingest %,.1f req/s (p99 %.2f ms), baseline %,.1f req/s (p99 %.2f ms):"
                            + " ratio %.3f; CPU per request %.1f us against %.1f us: ratio %.3f%n",
                    c,
                    ingest,
                    ingestP99,
                    baseline,
                    baselineP99,
                    ingest / baseline,
                    ingestCpu,
                    baselineCpu,
                    baselineCpu / ingestCpu);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT connections=%d ingest_rps=%.1f baseline_rps=%.1f ratio=%.4f ingest_p99_ms=%.2f"
                            + " baseline_p99_ms=%.2f ingest_cpu_us=%.1f baseline_cpu_us=%.1f cpu_ratio=%.4f%n",
                    c,
                    ingest,
                    baseline,
                    ingest / baseline,
                    ingestP99,
                    baselineP99,
                    ingestCpu,
                    baselineCpu,
                    baselineCpu / ingestCpu);
        }
        for (Wrk.Run run : runs) {
            clean &= run.bad() == 0;
        }
        return clean;
    }

    /** One wrk run posting comments to {@code service}. */
    private static Wrk.Run wrk(
            String app, ServiceProcess service, Path script, int connections, int seconds, Path workDir)
            throws IOException, InterruptedException {
        return Wrk.run(app, service, service.url("/api/v1/comments"), script, connections, seconds, workDir);
    }

    /**
     * The request wrk sends: a realistic 3-sentence comment on one thread, with an author id of its own (wrk thread,
     * start time, counter), as a site's backend would post it.
     */
    private static String luaScript(SiteKey key) {
        return """
                local counter = 0
                local threads = 0
                function setup(thread)
                  thread:set("index", threads)
                  threads = threads + 1
                end
                function init(args)
                  prefix = "w" .. index .. "-" .. os.time() .. "-" .. math.random(1000000)
                end
                local text = "The station kept both crews busy through the storm, and the repairs held. "
                  .. "I read the whole piece twice; the part about the docking schedule was new to me. "
                  .. "Thanks for covering it in this much detail, and for the photos of the solar arrays."
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "Bearer %s"
                request = function()
                  counter = counter + 1
                  local body = '{"threadId":"bench-thread","threadTitle":"Old rivals, one orbit",'
                    .. '"author":{"id":"' .. prefix .. '-' .. counter .. '","name":"Reader"},'
                    .. '"body":"' .. text .. '"}'
                  return wrk.format("POST", nil, nil, body)
                end
                """.formatted(key.secret());
    }

    static void log(String format, Object... args) {
        PipelineBenchmark.log(format, args);
    }
}
