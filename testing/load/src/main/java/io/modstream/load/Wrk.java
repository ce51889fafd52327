package io.modstream.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's HTTP load generator: 2 threads, keep-alive connections, a closed loop) against one service process,
 * with the CPU time the process used over the run read from the OS. The ingest benchmark and the status-read A/B
 * drive their services through it.
 */
final class Wrk {

    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /**
     * One wrk run.
     *
     * @param app which service was driven (a label for the report)
     * @param requests requests answered
     * @param bad answers that were not 2xx or 3xx, plus socket errors (connect, read, write, timeout)
     * @param cpuMicrosPerRequest the service's CPU time (all its threads, from the OS) over the run, per request
     *     answered: less noisy than the rate on shared cores, since time spent waiting for the other processes is not
     *     in it; NaN if no request was answered
     */
    record Run(
            String app,
            int connections,
            long requests,
            double requestsPerSecond,
            double p50Millis,
            double p99Millis,
            long bad,
            double cpuMicrosPerRequest) {}

    /**
     * Runs wrk once against {@code url} of {@code service}, with the Lua {@code script} (headers, method, body), and
     * reads its summary. wrk's own output is kept in {@code workDir}. Fails if the service is not running or wrk does
     * not finish within a minute of its time.
     */
    static Run run(String app, ServiceProcess service, URI url, Path script, int connections, int seconds, Path workDir)
            throws IOException, InterruptedException {
        if (!service.alive()) {
            throw new IllegalStateException(app + " is not running:\n" + service.logTail(40));
        }
        Path out = workDir.resolve("wrk-" + app + "-" + connections + "-" + System.currentTimeMillis() + ".txt");
        Duration cpuBefore = ServiceCpu.usedBy(service.pid());
        // Two reads of /proc, before and after: where the service's CPU went, by thread group, for this run alone.
        try (CpuWindows threads = new CpuWindows(Map.of(app, service.pid()), TimeUnit.HOURS.toSeconds(1))) {
            Process wrk = new ProcessBuilder(
                            "wrk",
                            "-t2",
                            "-c" + connections,
                            "-d" + seconds + "s",
                            "--timeout",
                            "10s",
                            "--latency",
                            "-s",
                            script.toString(),
                            url.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
                throw new IllegalStateException("wrk did not finish; see " + out);
            }
            Duration cpuUsed = ServiceCpu.usedBy(service.pid()).minus(cpuBefore);
            Run run = parse(app, connections, Files.readString(out, StandardCharsets.UTF_8), cpuUsed);
            PipelineBenchmark.log(
                    "%s at %d connections: %,.1f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx/errors %d, cpu %.1f us/request",
                    app,
                    connections,
                    run.requestsPerSecond(),
                    run.p50Millis(),
                    run.p99Millis(),
                    run.bad(),
                    run.cpuMicrosPerRequest());
            System.out.print(threads.describeThreads(Math.round(run.requestsPerSecond() * seconds), 0.02));
            return run;
        }
    }

    /**
     * Reads the summary wrk prints with {@code --latency}; {@code cpuUsed} is the service's CPU time over the run.
     * Fails, with the text, if a figure the report needs is missing.
     */
    static Run parse(String app, int connections, String text, Duration cpuUsed) {
        long requests = (long) number(text, "(\\d+) requests in");
        long nonSuccess = (long) optionalNumber(text, "Non-2xx or 3xx responses:\\s+(\\d+)");
        return new Run(
                app,
                connections,
                requests,
                number(text, "Requests/sec:\\s+([\\d.]+)"),
                millis(text, "50%"),
                millis(text, "99%"),
                nonSuccess + socketErrors(text),
                requests == 0 ? Double.NaN : cpuUsed.toNanos() / 1000.0 / requests);
    }

    /** The median of {@code value} over the runs of {@code app} at {@code connections}; NaN if there are none. */
    static double median(List<Run> runs, String app, int connections, ToDoubleFunction<Run> value) {
        double[] values = runs.stream()
                .filter(run -> run.app().equals(app) && run.connections() == connections)
                .mapToDouble(value)
                .sorted()
                .toArray();
        int n = values.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + regex + ":\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double optionalNumber(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long socketErrors(String text) {
        Matcher m = SOCKET_ERRORS.matcher(text);
        if (!m.find()) {
            return 0;
        }
        long errors = 0;
        for (int group = 1; group <= 4; group++) {
            errors += Long.parseLong(m.group(group));
        }
        return errors;
    }

    /** A percentile of wrk's latency distribution, in milliseconds (wrk prints us, ms or s). */
    private static double millis(String text, String percentile) {
        Matcher m = Pattern.compile(
                        "^\\s+" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + percentile + " latency:\n" + text);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
