package io.modstream.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service as a child process: {@code java -jar} on its jar, against the given broker, on a free loopback
 * port, without the local profile (so every site, {@link CommentMix#SITE_ID} included, gets the built-in default
 * policy). Its output is appended to a log file, and its pid is written next to it ({@code <name>.pid} for
 * {@code <name>.log}) so the calling script can kill it if this driver dies first. Each start gets a new process on
 * the same port and, for moderation-service, the same state directory.
 */
final class ServiceProcess {

    private static final long STOP_GRACE_SECONDS = 30;

    /** The benchmark site's quota, comments a second and at once: a hundred times what any benchmark sends. */
    private static final long BENCHMARK_QUOTA = 1_000_000;

    private static final Duration READINESS_POLL = Duration.ofMillis(100);

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private final Path pidFile;
    private final String readinessPath;
    private final Map<String, String> environment;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Process process;
    private long startedAt;
    private int starts;

    private ServiceProcess(Path jar, List<String> jvmArgs, int port, List<String> arguments, Path log) {
        this(jar, jvmArgs, port, arguments, Map.of(), log, "/actuator/health/readiness");
    }

    private ServiceProcess(
            Path jar,
            List<String> jvmArgs,
            int port,
            List<String> arguments,
            Map<String, String> environment,
            Path log,
            String readinessPath) {
        this.readinessPath = readinessPath;
        this.environment = Map.copyOf(environment);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No service jar at " + jar);
        }
        String file = log.getFileName().toString();
        this.name = file.endsWith(".log") ? file.substring(0, file.length() - 4) : file;
        this.port = port;
        this.log = log;
        this.pidFile = log.resolveSibling(name + ".pid");
        command = new ArrayList<>();
        if (System.getenv("LOAD_OWN_SESSIONS") != null) {
            // A session of its own puts the service in a scheduling autogroup of its own (testing/load/broker.sh).
            // setsid execs the JVM in place, so the process's pid stays the service's.
            command.add("setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.addAll(ownJvmOptions(name, System.getenv()));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        command.addAll(arguments);
    }

    /**
     * JVM options for this service alone, from the environment variable named after its log file:
     * {@code LOAD_JVM_MODERATION_SERVICE} for {@code moderation-service.log}, {@code LOAD_JVM_COMMENT_INGEST} for
     * {@code comment-ingest.log}. They come after the options every service of the run shares ({@code SERVICE_JVM}),
     * for what one service needs and another must not share, such as a file of its own (an ahead-of-time cache,
     * docs/benchmarks.md). Split on whitespace, as the shared options are.
     */
    static List<String> ownJvmOptions(String name, Map<String, String> environment) {
        String variable = "LOAD_JVM_" + name.replace('-', '_').toUpperCase(Locale.ROOT);
        String options = environment.getOrDefault(variable, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * moderation-service with its pipeline's local state in {@code streams-state} next to the log: one folder for
     * every start of this process, as a restarted instance on the same disk would have, so a restart restores only
     * the changelogs' tail and reuses its transactional ids.
     */
    static ServiceProcess moderation(
            Path jar, String bootstrap, int partitions, List<String> jvmArgs, List<String> serviceArgs, Path log) {
        return moderation(jar, bootstrap, partitions, log.resolveSibling("streams-state"), jvmArgs, serviceArgs, log);
    }

    /**
     * moderation-service with its pipeline's local state in {@code stateDir}. Two instances at once need two folders;
     * each advertises its own port as {@code application.server}, where the others forward reads of its state.
     */
    static ServiceProcess moderation(
            Path jar,
            String bootstrap,
            int partitions,
            Path stateDir,
            List<String> jvmArgs,
            List<String> serviceArgs,
            Path log) {
        int port = freePort();
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.kafka.bootstrap-servers=" + bootstrap);
        arguments.add("--modstream.moderation.topics.partitions=" + partitions);
        arguments.add("--spring.kafka.streams.state-dir=" + stateDir.toAbsolutePath());
        arguments.add("--spring.kafka.streams.properties.application.server=127.0.0.1:" + port);
        arguments.addAll(serviceArgs);
        return new ServiceProcess(jar, jvmArgs, port, arguments, log);
    }

    /**
     * comment-ingest with one site, {@code siteId}, whose API key hashes to {@code apiKeySha256}, creating
     * {@code comments.submitted} with {@code partitions} partitions if the broker has no such topic yet.
     */
    static ServiceProcess ingest(
            Path jar,
            String bootstrap,
            int partitions,
            String siteId,
            String apiKeySha256,
            List<String> jvmArgs,
            List<String> serviceArgs,
            Path log) {
        List<String> arguments = ingestArguments(bootstrap, partitions, siteId, apiKeySha256);
        arguments.addAll(serviceArgs);
        return new ServiceProcess(jar, jvmArgs, freePort(), arguments, log);
    }

    /**
     * comment-ingest as {@link #ingest(Path, String, int, String, String, List, List, Path)} starts it, with its read
     * side's local state in {@code stateDir}, the same folder for every start of this process. The folder is given
     * both ways a disk-backed read side may read it: {@code --spring.kafka.streams.state-dir} and the environment
     * variable {@code MODSTREAM_STATE_DIR}; a read side that keeps its state in the heap ignores both.
     */
    static ServiceProcess ingest(
            Path jar,
            String bootstrap,
            int partitions,
            String siteId,
            String apiKeySha256,
            Path stateDir,
            List<String> jvmArgs,
            List<String> serviceArgs,
            Path log) {
        List<String> arguments = ingestArguments(bootstrap, partitions, siteId, apiKeySha256);
        arguments.add("--spring.kafka.streams.state-dir=" + stateDir.toAbsolutePath());
        arguments.addAll(serviceArgs);
        return new ServiceProcess(
                jar,
                jvmArgs,
                freePort(),
                arguments,
                Map.of("MODSTREAM_STATE_DIR", stateDir.toAbsolutePath().toString()),
                log,
                "/actuator/health/readiness");
    }

    /**
     * comment-ingest's arguments for one broker and one site, to which callers add their own. The one site posts
     * everything a benchmark sends (the ingest benchmark about 10,000 comments a second, the latency benchmark 500),
     * far over the default quota of 100 a second meant for a real site, so its quota is raised out of the way: the
     * benchmarks measure the service, not the limit (docs/limits.md).
     */
    private static List<String> ingestArguments(String bootstrap, int partitions, String siteId, String apiKeySha256) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.kafka.bootstrap-servers=" + bootstrap);
        arguments.add("--modstream.ingest.topics.partitions=" + partitions);
        arguments.add("--modstream.ingest.sites[0].id=" + siteId);
        arguments.add("--modstream.ingest.sites[0].api-key-sha256=" + apiKeySha256);
        arguments.add("--modstream.ingest.sites[0].quota.per-second=" + BENCHMARK_QUOTA);
        arguments.add("--modstream.ingest.sites[0].quota.burst=" + BENCHMARK_QUOTA);
        return arguments;
    }

    /**
     * The ingest benchmark's baseline app (testing/ingest-baseline): no actuator, so that it pays for nothing but
     * parsing and sending; it is ready when {@code /ready} answers.
     */
    static ServiceProcess baseline(Path jar, String bootstrap, String topic, List<String> jvmArgs, Path log) {
        List<String> arguments = List.of("--spring.kafka.bootstrap-servers=" + bootstrap, "--baseline.topic=" + topic);
        return new ServiceProcess(jar, jvmArgs, freePort(), arguments, Map.of(), log, "/ready");
    }

    /** Starts a new process. */
    void start() {
        starts++;
        try {
            Files.writeString(
                    log,
                    "==== start " + starts + ": " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            startedAt = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@link System#nanoTime()} just before the latest start. */
    long startedAt() {
        return startedAt;
    }

    /**
     * Waits until {@code /actuator/health/readiness} (the baseline: {@code /ready}) answers 200, polling every
     * 100 ms; returns the {@link System#nanoTime()} of that answer. Fails with the log's tail if the process ends or
     * the timeout passes first.
     */
    long awaitReady(Duration timeout) throws InterruptedException {
        HttpRequest readiness = HttpRequest.newBuilder(url(readinessPath))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException(
                        name + " exited with status " + exitStatus() + " before it was ready:\n" + logTail(40));
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notListeningYet) {
                // keep asking
            }
            Thread.sleep(READINESS_POLL.toMillis());
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail(40));
    }

    /** {@link #awaitReady} on a thread of its own; the future fails as {@link #awaitReady} would. */
    CompletableFuture<Long> readyAsync(Duration timeout) {
        CompletableFuture<Long> ready = new CompletableFuture<>();
        Thread waiter = new Thread(
                () -> {
                    try {
                        ready.complete(awaitReady(timeout));
                    } catch (InterruptedException e) {
                        ready.completeExceptionally(e);
                    } catch (RuntimeException e) {
                        ready.completeExceptionally(e);
                    }
                },
                name + "-readiness");
        waiter.setDaemon(true);
        waiter.start();
        return ready;
    }

    /** SIGKILL, as a crashed machine or the OOM killer would; waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM (a graceful shutdown), then SIGKILL if it has not ended within 30 s. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            System.err.println(name + " did not stop within " + STOP_GRACE_SECONDS + " s; killing it");
            kill();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the script removes the whole folder anyway
        }
    }

    /** The exit status, if the process has ended. */
    String exitStatus() {
        return process == null || process.isAlive() ? "running" : Integer.toString(process.exitValue());
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path log() {
        return log;
    }

    /**
     * Stops {@code services} (SIGTERM, then SIGKILL) if this driver's JVM exits first, so no service outlives it.
     * Answers the hook, for {@code Runtime.removeShutdownHook} once the driver has stopped them itself.
     */
    static Thread stopAllOnExit(ServiceProcess... services) {
        Thread hook = new Thread(() -> stopAll(services));
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Stops each of {@code services} in turn (SIGTERM, then SIGKILL); gives up on the rest if interrupted. */
    static void stopAll(ServiceProcess... services) {
        for (ServiceProcess service : services) {
            try {
                service.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
