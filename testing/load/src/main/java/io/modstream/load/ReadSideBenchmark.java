package io.modstream.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * comment-ingest's read side at scale (issue 12), on a broker that has no topics yet:
 *
 * <ol>
 *   <li>pre-fills N comments and an outcome for each straight into the topics ({@link OutcomePrefill}), one thread
 *       with many approved comments among them;
 *   <li><b>build:</b> starts the packaged comment-ingest (by the script with {@code -Xmx512m}) with its state in a
 *       fixed folder, and times its start to {@code /actuator/health/readiness} answering 200, which it does once its
 *       read side has taken in what the topics held; samples its heap once a second ({@link HeapSampler});
 *   <li><b>reads:</b> after a short warm-up, GETs {@code /api/v1/comments/{id}} on random existing ids at a fixed
 *       rate for S seconds ({@link FixedRateReader}), then the big thread's first page
 *       ({@code /api/v1/threads/{thread}/comments?page=0&size=20}) the same way, then the deepest page by number that
 *       is allowed ({@code page=49&size=20}, comments 981 to 1,000) and the thread's oldest page by cursor
 *       ({@code size=20&before=<event id>}, 99,980 deep in a thread of 100,000), sampling the heap throughout;
 *   <li><b>restart:</b> stops it with SIGTERM, starts it again on the same state folder, and times the start to
 *       ready; then checks that statuses of random comments and the big thread's total are answered as before.
 * </ol>
 *
 * <p>The targets are reported beside the figures (status p99 at most 10 ms, thread page p99 at most 20 ms,
 * heap under 512 MB, restart to ready at most 30 s) but do not decide the exit status: the driver exits 1 only if
 * the service never became ready, a read failed, a status, first-page or cursor read could not be sent within 10 s of
 * its run's end, or an answer after the restart was wrong.
 *
 * <pre>
 * java -cp testing/load/target/load.jar io.modstream.load.ReadSideBenchmark --bootstrap 127.0.0.1:19092 \
 *     --ingest-jar comment-ingest/target/comment-ingest-0.1.0-SNAPSHOT-exec.jar \
 *     [--comments 5000000] [--big-thread 100000] [--threads N/250] [--partitions 3] [--rate 1000] [--seconds 60] \
 *     [--warm-up-s 10] [--connections 16] [--ready-timeout-s S] [--restart-timeout-s 600] [--work-dir DIR] \
 *     [--state-dir DIR] [--seed S] [--service-jvm "-Xmx512m"] [--service-args ARG...]
 * </pre>
 */
public final class ReadSideBenchmark {

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap",
            "ingest-jar",
            "comments",
            "big-thread",
            "threads",
            "partitions",
            "rate",
            "seconds",
            "warm-up-s",
            "connections",
            "ready-timeout-s",
            "restart-timeout-s",
            "work-dir",
            "state-dir",
            "seed",
            "service-jvm");
    private static final int PAGE_SIZE = 20;
    /** comment-ingest's bound on pages by number: (page + 1) * size at most (StatusController.MAX_PAGE_DEPTH). */
    private static final int MAX_PAGE_DEPTH = 1_000;

    private static final int RESTART_CHECKS = 200;
    private static final double STATUS_P99_TARGET_MS = 10;
    private static final double PAGE_P99_TARGET_MS = 20;
    private static final double RESTART_TARGET_S = 30;
    private static final long HEAP_TARGET_BYTES = 512L * 1024 * 1024;

    private ReadSideBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, OPTIONS);
        String bootstrap = options.required("bootstrap");
        int comments = options.integer("comments", 5_000_000);
        int bigThread = options.integer("big-thread", 100_000);
        int threads = options.integer("threads", Math.max(10, comments / 250));
        int partitions = options.integer("partitions", 3);
        int rate = options.integer("rate", 1_000);
        int seconds = options.integer("seconds", 60);
        int warmUp = options.integer("warm-up-s", 10);
        int connections = options.integer("connections", 16);
        long seed = options.number("seed", CommentMix.DEFAULT_SEED);
        Duration readyTimeout = Duration.ofSeconds(options.number("ready-timeout-s", 900 + comments / 5_000L));
        Duration restartTimeout = Duration.ofSeconds(options.number("restart-timeout-s", 600));
        Path workDir = options.path("work-dir", ".").toAbsolutePath();
        Files.createDirectories(workDir);
        Path stateDir = options.path(
                        "state-dir", workDir.resolve("ingest-state").toString())
                .toAbsolutePath();
        if (Files.isDirectory(stateDir) && folderBytes(stateDir) > 0) {
            throw new IllegalArgumentException(
                    "The state folder " + stateDir + " is not empty; the broker is fresh, so it must be too");
        }

        log(
                "Pre-filling %,d comments and their outcomes (%d partitions, %,d threads, %,d approved in %s)",
                comments, partitions, threads, bigThread, OutcomePrefill.BIG_THREAD);
        OutcomePrefill prefill = OutcomePrefill.write(bootstrap, comments, threads, bigThread, partitions, seed);
        log("Pre-filled: %s", prefill.describe());

        SiteKey key = SiteKey.random();
        ServiceProcess ingest = ServiceProcess.ingest(
                options.path("ingest-jar", ""),
                bootstrap,
                partitions,
                CommentMix.SITE_ID,
                key.sha256Hex(),
                stateDir,
                options.words("service-jvm"),
                options.serviceArgs(),
                workDir.resolve("comment-ingest.log"));
        Thread stopOnExit = ServiceProcess.stopAllOnExit(ingest);
        Report report = new Report(comments, prefill.bigThreadApproved(), rate, seconds, connections);

        log("Build: starting comment-ingest on an empty state folder (%s)", stateDir);
        ingest.start();
        try (HeapSampler heap = HeapSampler.start(ingest)) {
            report.buildSeconds = secondsToReady(ingest, readyTimeout);
            heap.sampleNow();
            report.buildHeap = heap.describe();
            report.buildMaxHeap = heap.maxHeap();
        }
        if (Double.isNaN(report.buildSeconds)) {
            report.stateBytes = folderBytes(stateDir);
            finish(report, ingest, stopOnExit);
            return;
        }
        report.stateBytes = folderBytes(stateDir);
        log(
                "Ready after %.1f s; %s; state folder %,.0f MB",
                report.buildSeconds, report.buildHeap, report.stateBytes / 1e6);

        Random pick = new Random(seed + 2);
        URI page = bigThreadPage(ingest, "page=0&size=" + PAGE_SIZE);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI deepByNumber = bigThreadPage(ingest, "page=" + (MAX_PAGE_DEPTH / PAGE_SIZE - 1) + "&size=" + PAGE_SIZE);
        URI deepByCursor = bigThreadPage(
                ingest,
                "size=" + PAGE_SIZE + "&before="
                        + URLEncoder.encode(prefill.bigThreadEventIdWithOlder(PAGE_SIZE), StandardCharsets.UTF_8));
        report.pageTotal = pageTotal(http, page, key);
        report.deepByCursorRight = isOldestPage(http, deepByCursor, key, prefill);
        try (FixedRateReader reader = new FixedRateReader(ingest.url("/"), key.secret(), connections)) {
            log("Warm-up: %d s of each kind of read at %,d/s", warmUp, rate);
            reader.read(i -> statusUrl(ingest, prefill, pick.nextInt(prefill.count())), rate * warmUp, rate);
            reader.read(i -> page, rate * warmUp, rate);
            reader.read(i -> deepByNumber, rate * warmUp, rate);
            reader.read(i -> deepByCursor, rate * warmUp, rate);
            try (HeapSampler heap = HeapSampler.start(ingest)) {
                log(
                        "Status reads: %,d/s for %d s on random ids of %,d, %d connections",
                        rate, seconds, comments, connections);
                report.loadBefore = loadAverage();
                Measured status = measured(
                        "Status reads",
                        ingest,
                        () -> reader.read(
                                i -> statusUrl(ingest, prefill, pick.nextInt(prefill.count())), rate * seconds, rate));
                report.status = status.reads();
                report.statusHiccups = status.hiccups();
                log(
                        "Thread page: %,d/s for %d s on %s, page 0 of size %d",
                        rate, seconds, OutcomePrefill.BIG_THREAD, PAGE_SIZE);
                report.page = measured("Thread page", ingest, () -> reader.read(i -> page, rate * seconds, rate))
                        .reads();
                log("Deepest page by number: %,d/s for %d s, %s", rate, seconds, deepByNumber.getRawQuery());
                report.deepByNumber = measured(
                                "Deepest page by number",
                                ingest,
                                () -> reader.read(i -> deepByNumber, rate * seconds, rate))
                        .reads();
                log("Oldest page by cursor: %,d/s for %d s, %s", rate, seconds, deepByCursor.getRawQuery());
                report.deepByCursor = measured(
                                "Oldest page by cursor",
                                ingest,
                                () -> reader.read(i -> deepByCursor, rate * seconds, rate))
                        .reads();
                report.loadAfter = loadAverage();
                report.readHeap = heap.describe();
                report.readMaxHeap = heap.maxHeap();
            }
        }

        log("Restart: SIGTERM, then a new process on the same state folder");
        long stopping = System.nanoTime();
        ingest.stop();
        report.stopSeconds = (System.nanoTime() - stopping) / 1e9;
        ingest.start();
        try (HeapSampler heap = HeapSampler.start(ingest)) {
            report.restartSeconds = secondsToReady(ingest, restartTimeout);
            heap.sampleNow();
            report.restartHeap = heap.describe();
            report.restartMaxHeap = heap.maxHeap();
        }
        if (!Double.isNaN(report.restartSeconds)) {
            log("Ready again after %.1f s", report.restartSeconds);
            report.restartWrong = checkStatuses(http, ingest, prefill, key, new Random(seed + 3));
            report.restartPageTotal = pageTotal(http, page, key);
        }
        finish(report, ingest, stopOnExit);
    }

    /**
     * Seconds from the latest start to ready, or NaN (with the log's tail) if it ended, the timeout passed, or its log
     * shows an {@code OutOfMemoryError}: a read side that outgrows the heap may go on running without ever being
     * ready, and waiting out the timeout would only keep a core busy with garbage collection.
     */
    private static double secondsToReady(ServiceProcess service, Duration timeout) throws InterruptedException {
        CompletableFuture<Long> ready = service.readyAsync(timeout);
        long logChecked = 0;
        while (true) {
            try {
                return (ready.get(1, TimeUnit.SECONDS) - service.startedAt()) / 1e9;
            } catch (TimeoutException stillStarting) {
                long size = sizeOf(service.log());
                if (size != logChecked) {
                    logChecked = size;
                    if (logMentions(service.log(), "java.lang.OutOfMemoryError")) {
                        log(
                                "Not ready: %s ran out of heap after %.1f s (OutOfMemoryError in its log)",
                                service.name(), (System.nanoTime() - service.startedAt()) / 1e9);
                        return Double.NaN;
                    }
                }
            } catch (ExecutionException notReady) {
                log("Not ready: %s", notReady.getCause().getMessage());
                return Double.NaN;
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the log of the latest start (after its last "==== start" line) mentions {@code text}. */
    private static boolean logMentions(Path log, String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            boolean[] found = {false};
            lines.forEach(line -> found[0] = line.startsWith("==== start") ? false : found[0] || line.contains(text));
            return found[0];
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static URI statusUrl(ServiceProcess service, OutcomePrefill prefill, int index) {
        return service.url("/api/v1/comments/" + prefill.id(index));
    }

    /** A page of the big thread, {@code query} its raw query string. */
    private static URI bigThreadPage(ServiceProcess ingest, String query) {
        return ingest.url("/api/v1/threads/" + URLEncoder.encode(OutcomePrefill.BIG_THREAD, StandardCharsets.UTF_8)
                + "/comments?" + query);
    }

    /** The JSON a GET of {@code uri} answers with 200, or null (logged as {@code what}) if it answers otherwise. */
    private static JsonNode answer(HttpClient http, URI uri, SiteKey key, String what) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(get(uri, key), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log("%s answered %d: %s", what, response.statusCode(), response.body());
                return null;
            }
            return JsonMapper.builder().build().readTree(response.body());
        } catch (IOException e) {
            log("%s did not answer: %s", what, e);
            return null;
        }
    }

    /** The {@code total} the big thread's first page answers, or -1 if it does not answer 200. */
    private static int pageTotal(HttpClient http, URI page, SiteKey key) throws InterruptedException {
        JsonNode answer = answer(http, page, key, "The thread page");
        return answer == null ? -1 : answer.path("total").asInt(-1);
    }

    /** One run of reads. */
    private interface ReadRun {
        FixedRateReader.Result read() throws InterruptedException;
    }

    /** A measured read run, and the machine's hiccups ({@link Hiccups}) meanwhile. */
    private record Measured(FixedRateReader.Result reads, Percentiles hiccups) {}

    /**
     * Runs {@code run} and logs its result with the CPU time comment-ingest and this driver used meanwhile (on two
     * shared cores what the driver uses is taken from the service it measures), the machine's hiccups, and both
     * processes' CPU by 10-s window and by thread group.
     */
    private static Measured measured(String what, ServiceProcess ingest, ReadRun run) throws InterruptedException {
        long driver = ProcessHandle.current().pid();
        Duration serviceBefore = ServiceCpu.usedBy(ingest.pid());
        Duration driverBefore = ServiceCpu.usedBy(driver);
        Hiccups hiccups = Hiccups.start();
        FixedRateReader.Result result;
        String threads;
        try (CpuWindows cpu = new CpuWindows(Map.of("comment-ingest", ingest.pid(), "driver", driver), 10)) {
            result = run.read();
            threads = cpu.describe() + cpu.describeThreads(result.latency().count(), 0.02);
        }
        Percentiles delays = hiccups.stop();
        log(
                "%s: %s; CPU meanwhile: comment-ingest %.1f s, this driver %.1f s; hiccups meanwhile: %s",
                what,
                result.describe(),
                ServiceCpu.usedBy(ingest.pid()).minus(serviceBefore).toMillis() / 1000.0,
                ServiceCpu.usedBy(driver).minus(driverBefore).toMillis() / 1000.0,
                Hiccups.describe(delays));
        System.out.print(threads);
        return new Measured(result, delays);
    }

    /**
     * Whether the page from the big thread's far end is its {@link #PAGE_SIZE} oldest comments, newest first, with no
     * page after it.
     */
    private static boolean isOldestPage(HttpClient http, URI page, SiteKey key, OutcomePrefill prefill)
            throws InterruptedException {
        JsonNode answer = answer(http, page, key, "The oldest page");
        if (answer == null) {
            return false;
        }
        List<String> expected = new ArrayList<>();
        for (int older = PAGE_SIZE - 1; older >= 0; older--) {
            expected.add(prefill.bigThreadEventIdWithOlder(older));
        }
        List<String> got = new ArrayList<>();
        answer.path("comments")
                .forEach(comment -> got.add(comment.path("eventId").asString()));
        boolean right = got.equals(expected) && answer.path("nextBefore").isNull();
        if (!right) {
            log("The oldest page was not the thread's %d oldest comments: %s", PAGE_SIZE, answer);
        }
        return right;
    }

    /** Reads the status of random comments one by one; answers how many were missing or not what was written. */
    private static int checkStatuses(
            HttpClient http, ServiceProcess service, OutcomePrefill prefill, SiteKey key, Random random)
            throws InterruptedException {
        JsonMapper json = JsonMapper.builder().build();
        int wrong = 0;
        for (int i = 0; i < RESTART_CHECKS; i++) {
            int index = random.nextInt(prefill.count());
            try {
                HttpResponse<String> response =
                        http.send(get(statusUrl(service, prefill, index), key), HttpResponse.BodyHandlers.ofString());
                String status = response.statusCode() == 200
                        ? json.readTree(response.body()).path("status").asString()
                        : Integer.toString(response.statusCode());
                if (!prefill.expectedStatus(index).equals(status)) {
                    if (wrong < 5) {
                        log(
                                "After the restart %s answered %s, not %s",
                                prefill.id(index), status, prefill.expectedStatus(index));
                    }
                    wrong++;
                }
            } catch (IOException e) {
                log("After the restart %s did not answer: %s", prefill.id(index), e);
                wrong++;
            }
        }
        return wrong;
    }

    private static HttpRequest get(URI uri, SiteKey key) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key.secret())
                .header("Accept", "application/json")
                .build();
    }

    private static void finish(Report report, ServiceProcess ingest, Thread stopOnExit) throws InterruptedException {
        ServiceProcess.stopAll(ingest);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            return; // the script stopped this driver; the hook stops the service
        }
        System.exit(report.print() ? 0 : 1);
    }

    /**
     * The machine's one-minute load average, to tell a figure measured on quiet cores from one taken while something
     * else ran; "?" where there is no /proc/loadavg.
     */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * The bytes of the regular files under a folder; -1 if it cannot be read. RocksDB deletes files while it compacts,
     * so a file or folder that is gone by the time it is looked at counts as nothing (with {@code Files.walk} it ended
     * the whole walk).
     */
    static long folderBytes(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long[] bytes = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        bytes[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return bytes[0];
    }

    /** What the run measured, NaN or null where a step did not happen. */
    private static final class Report {

        final int comments;
        final int bigThread;
        final int rate;
        final int seconds;
        final int connections;
        double buildSeconds = Double.NaN;
        String buildHeap = "";
        long buildMaxHeap;
        long stateBytes;
        int pageTotal = -1;
        FixedRateReader.Result status;
        /** The machine's hiccups during the status reads: the floor under their tail. */
        Percentiles statusHiccups;

        FixedRateReader.Result page;
        FixedRateReader.Result deepByNumber;
        FixedRateReader.Result deepByCursor;
        boolean deepByCursorRight;
        String readHeap = "";
        String loadBefore = "";
        String loadAfter = "";
        long readMaxHeap;
        double stopSeconds = Double.NaN;
        double restartSeconds = Double.NaN;
        String restartHeap = "";
        long restartMaxHeap;
        int restartWrong = -1;
        int restartPageTotal = -1;

        Report(int comments, int bigThread, int rate, int seconds, int connections) {
            this.comments = comments;
            this.bigThread = bigThread;
            this.rate = rate;
            this.seconds = seconds;
            this.connections = connections;
        }

        /** Prints the report and the RESULT line; answers whether the run was clean. */
        boolean print() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "%nRead-side benchmark (issue 12): %,d comments, %s with %,d approved; reads at %,d/s for %d s over"
                            + " %d connections%n",
                    comments,
                    OutcomePrefill.BIG_THREAD,
                    bigThread,
                    rate,
                    seconds,
                    connections));
            out.append(String.format(
                    Locale.ROOT,
                    "  build     start to ready %s; %s; state folder %,.0f MB%n",
                    secondsOrNot(buildSeconds),
                    buildHeap,
                    stateBytes / 1e6));
            if (status != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "  status    %s  [target p99 <= %.0f ms: %s]%n"
                                + "            hiccups of a 1-ms sleep in the driver meanwhile: %s%n",
                        status.describe(),
                        STATUS_P99_TARGET_MS,
                        met(status.latency().millis(99) <= STATUS_P99_TARGET_MS),
                        Hiccups.describe(statusHiccups)));
                out.append(String.format(
                        Locale.ROOT,
                        "  page      %s  [target p99 <= %.0f ms: %s]; total %,d of %,d%n",
                        page.describe(),
                        PAGE_P99_TARGET_MS,
                        met(page.latency().millis(99) <= PAGE_P99_TARGET_MS),
                        pageTotal,
                        bigThread));
                out.append(String.format(
                        Locale.ROOT,
                        "  page %,d  %s  (page %d of size %d, the deepest by number)%n",
                        MAX_PAGE_DEPTH,
                        deepByNumber.describe(),
                        MAX_PAGE_DEPTH / PAGE_SIZE - 1,
                        PAGE_SIZE));
                out.append(String.format(
                        Locale.ROOT,
                        "  oldest    %s  (by before, %,d deep); answer %s%n",
                        deepByCursor.describe(),
                        bigThread - PAGE_SIZE,
                        deepByCursorRight ? "right" : "WRONG"));
                out.append(String.format(
                        Locale.ROOT,
                        "  reads     %s; load average (1 min, all processes) %s before, %s after%n",
                        readHeap,
                        loadBefore,
                        loadAfter));
            }
            if (!Double.isNaN(stopSeconds)) {
                out.append(String.format(
                        Locale.ROOT,
                        "  restart   stopped in %.1f s; start to ready %s [target <= %.0f s: %s]; %s; %s statuses of"
                                + " %d wrong or missing after it; thread total %,d%n",
                        stopSeconds,
                        secondsOrNot(restartSeconds),
                        RESTART_TARGET_S,
                        met(restartSeconds <= RESTART_TARGET_S),
                        restartHeap,
                        restartWrong < 0 ? "no" : Integer.toString(restartWrong),
                        RESTART_CHECKS,
                        restartPageTotal));
            }
            long maxHeap = Math.max(buildMaxHeap, Math.max(readMaxHeap, restartMaxHeap));
            out.append(
                    maxHeap > 0
                            ? String.format(
                                    Locale.ROOT,
                                    "  heap      max %.0f MiB over build, reads and restart [target < 512 MiB: %s]%n",
                                    maxHeap / 1048576.0,
                                    met(maxHeap < HEAP_TARGET_BYTES))
                            : "  heap      no sample: the service answered no scrape of /actuator/prometheus\n");
            out.append(String.format(
                    Locale.ROOT,
                    "RESULT comments=%d big_thread=%d build_s=%.1f state_mb=%.0f status_rps=%.1f status_p50_ms=%.2f"
                            + " status_p90_ms=%.2f status_p99_ms=%.2f status_max_ms=%.1f status_errors=%d"
                            + " status_unsent=%d status_hiccup_p99_ms=%.2f status_hiccup_max_ms=%.1f page_rps=%.1f page_p50_ms=%.2f page_p99_ms=%.2f page_max_ms=%.1f"
                            + " page_errors=%d page_unsent=%d page_total=%d deep_number_p99_ms=%.2f"
                            + " oldest_cursor_p99_ms=%.2f oldest_cursor_right=%b max_heap_mb=%.0f restart_s=%.1f"
                            + " restart_wrong=%d%n",
                    comments,
                    bigThread,
                    buildSeconds,
                    stateBytes / 1e6,
                    status == null ? Double.NaN : status.achievedRate(),
                    millis(status, 50),
                    millis(status, 90),
                    millis(status, 99),
                    millis(status, 100),
                    status == null ? -1 : status.failed(),
                    status == null ? -1 : status.unsent(),
                    statusHiccups == null ? Double.NaN : statusHiccups.millis(99),
                    statusHiccups == null ? Double.NaN : statusHiccups.maxMillis(),
                    page == null ? Double.NaN : page.achievedRate(),
                    millis(page, 50),
                    millis(page, 99),
                    millis(page, 100),
                    page == null ? -1 : page.failed(),
                    page == null ? -1 : page.unsent(),
                    pageTotal,
                    millis(deepByNumber, 99),
                    millis(deepByCursor, 99),
                    deepByCursorRight,
                    maxHeap / 1048576.0,
                    restartSeconds,
                    restartWrong));
            if (status != null) {
                status.failures()
                        .forEach(f ->
                                out.append("  failed status read: ").append(f).append('\n'));
                page.failures()
                        .forEach(f ->
                                out.append("  failed page read: ").append(f).append('\n'));
                deepByNumber
                        .failures()
                        .forEach(f -> out.append("  failed deep page read: ")
                                .append(f)
                                .append('\n'));
                deepByCursor
                        .failures()
                        .forEach(f -> out.append("  failed oldest page read: ")
                                .append(f)
                                .append('\n'));
            }
            System.out.print(out);
            return !Double.isNaN(buildSeconds)
                    && status != null
                    && status.failed() + status.unsent() == 0
                    && page.failed() + page.unsent() == 0
                    // The deepest page by number is the bound's worst case at a rate two cores may not keep up
                    // with (docs/benchmarks.md, "Deep pages"): requests it could not send are reported, not failed.
                    && deepByNumber.failed() == 0
                    && deepByCursor.failed() + deepByCursor.unsent() == 0
                    && deepByCursorRight
                    && pageTotal == bigThread
                    && !Double.isNaN(restartSeconds)
                    && restartWrong == 0
                    && restartPageTotal == bigThread;
        }

        private static double millis(FixedRateReader.Result result, double percentile) {
            return result == null ? Double.NaN : result.latency().millis(percentile);
        }

        private static String secondsOrNot(double seconds) {
            return Double.isNaN(seconds) ? "never (see the log)" : String.format(Locale.ROOT, "%.1f s", seconds);
        }

        private static String met(boolean met) {
            return met ? "met" : "NOT met";
        }
    }

    static void log(String format, Object... args) {
        PipelineBenchmark.log(format, args);
    }
}
