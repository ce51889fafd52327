package io.modstream.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CPU per status read of two comment-ingest jars, side by side: a diagnostic for changes on the read path, not one of
 * the issues' methods (the read-side benchmark is). Both jars run against the same fresh broker, each with one site and
 * its read side's state in a folder of its own. One comment is submitted to each; then wrk (2 threads, closed loop)
 * reads that comment's status from its instance, first as a warm-up of each, then in rounds of short runs alternating
 * between A and B. No moderation-service runs, so the comment stays PENDING and every read looks in all of the read
 * side's stores: the most work a status read does.
 *
 * <p>Prints each run, then the median rate, p99 and CPU per read of each jar, and B's CPU per read as a share of A's.
 * Exits 1 if any read was not answered 200.
 *
 * <pre>
 * java -cp testing/load/target/load.jar io.modstream.load.StatusReadAb --bootstrap 127.0.0.1:19092 \
 *     --jar-a A.jar --jar-b B.jar [--rounds 3] [--seconds 20] [--warm-up-s 60] [--connections 16] [--work-dir DIR]
 *     [--service-jvm "-Xmx512m"] [--service-args ARG...]   (arguments of both comment-ingest processes)
 * </pre>
 */
public final class StatusReadAb {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "jar-a",
            "jar-b",
            "rounds",
            "seconds",
            "warm-up-s",
            "connections",
            "partitions",
            "work-dir",
            "service-jvm");

    private static final String SITE = "bench-site";

    private StatusReadAb() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        Path workDir = options.path("work-dir", ".").toAbsolutePath();
        Files.createDirectories(workDir);
        int rounds = options.integer("rounds", 3);
        int seconds = options.integer("seconds", 20);
        int warmUp = options.integer("warm-up-s", 60);
        int connections = options.integer("connections", 16);
        int partitions = options.integer("partitions", 3);
        List<String> jvm = options.words("service-jvm");

        SiteKey key = SiteKey.random();
        ServiceProcess a = instance("A", options.path("jar-a", ""), bootstrap, partitions, key, jvm, options, workDir);
        ServiceProcess b = instance("B", options.path("jar-b", ""), bootstrap, partitions, key, jvm, options, workDir);
        Thread stopOnExit = ServiceProcess.stopAllOnExit(a, b);
        a.start();
        b.start();
        a.awaitReady(Duration.ofSeconds(180));
        b.awaitReady(Duration.ofSeconds(180));
        Path script = workDir.resolve("read-status.lua");
        Files.writeString(
                script, "wrk.headers[\"Authorization\"] = \"Bearer " + key.secret() + "\"\n", StandardCharsets.UTF_8);
        Reader readA = new Reader("A", a, submitOne(a, key), script, connections, workDir);
        Reader readB = new Reader("B", b, submitOne(b, key), script, connections, workDir);

        PipelineBenchmark.log("Warm-up: %d s of status reads each", warmUp);
        readA.run(warmUp);
        readB.run(warmUp);
        List<Wrk.Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            runs.add(readA.run(seconds));
            runs.add(readB.run(seconds));
        }
        ServiceProcess.stopAll(a, b);
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        System.exit(report(runs, connections) ? 0 : 1);
    }

    /** One comment-ingest process, with the benchmark site and a state folder of its own. */
    private static ServiceProcess instance(
            String name,
            Path jar,
            String bootstrap,
            int partitions,
            SiteKey key,
            List<String> jvm,
            Options options,
            Path workDir) {
        return ServiceProcess.ingest(
                jar,
                bootstrap,
                partitions,
                SITE,
                key.sha256Hex(),
                workDir.resolve("state-" + name),
                jvm,
                options.serviceArgs(),
                workDir.resolve("ingest-" + name + ".log"));
    }

    /** Submits one comment to {@code service} and answers its id; fails unless it was accepted. */
    private static String submitOne(ServiceProcess service, SiteKey key) throws InterruptedException {
        byte[] body = """
                {"threadId":"t1","author":{"id":"a1","name":"R"},"body":"A fine comment to read back."}""".getBytes(StandardCharsets.UTF_8);
        try (CommentPoster poster = new CommentPoster(service.url("/api/v1/comments"), key.secret(), 1)) {
            CommentPoster.Result result = poster.post(List.of(body), 1);
            if (result.acceptedIds().size() != 1) {
                throw new IllegalStateException(service.name() + " did not accept the comment: " + result.failures());
            }
            return result.acceptedIds().get(0);
        }
    }

    /** wrk reading one comment's status from one instance. */
    private record Reader(
            String app, ServiceProcess service, String commentId, Path script, int connections, Path workDir) {

        Wrk.Run run(int seconds) throws Exception {
            return Wrk.run(
                    app, service, service.url("/api/v1/comments/" + commentId), script, connections, seconds, workDir);
        }
    }

    private static boolean report(List<Wrk.Run> runs, int connections) {
        System.out.printf(Locale.ROOT, "%nStatus reads, A against B: wrk -t2 -c%d%n", connections);
        boolean clean = true;
        for (Wrk.Run run : runs) {
            System.out.printf(
                    Locale.ROOT,
                    "  %s  %,10.1f reads/s  p99 %6.2f ms  not 200 %d  cpu %6.1f us/read%n",
                    run.app(),
                    run.requestsPerSecond(),
                    run.p99Millis(),
                    run.bad(),
                    run.cpuMicrosPerRequest());
            clean &= run.bad() == 0;
        }
        double cpuA = Wrk.median(runs, "A", connections, Wrk.Run::cpuMicrosPerRequest);
        double cpuB = Wrk.median(runs, "B", connections, Wrk.Run::cpuMicrosPerRequest);
        System.out.printf(
                Locale.ROOT,
                "RESULT a_rps=%.1f b_rps=%.1f a_p99_ms=%.2f b_p99_ms=%.2f a_cpu_us=%.1f b_cpu_us=%.1f"
                        + " b_cpu_over_a=%.3f%n",
                Wrk.median(runs, "A", connections, Wrk.Run::requestsPerSecond),
                Wrk.median(runs, "B", connections, Wrk.Run::requestsPerSecond),
                Wrk.median(runs, "A", connections, Wrk.Run::p99Millis),
                Wrk.median(runs, "B", connections, Wrk.Run::p99Millis),
                cpuA,
                cpuB,
                cpuB / cpuA);
        return clean;
    }
}
