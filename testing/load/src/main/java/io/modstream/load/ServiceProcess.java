package io.modstream.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * moderation-service as a child process: {@code java -jar} on its packaged jar, against the given broker, on a free
 * loopback port, without the local profile (so every site, {@link CommentMix#SITE_ID} included, gets the built-in
 * default policy). Its output is appended to a log file, and its pid is written next to it so the calling script can
 * kill it if this driver dies first. Each start gets a new process on the same port and the same state directory.
 */
final class ServiceProcess {

    private static final long STOP_GRACE_SECONDS = 30;

    private final List<String> command;
    private final Path log;
    private final Path pidFile;
    private Process process;
    private int starts;

    ServiceProcess(
            Path jar, String bootstrap, int partitions, List<String> jvmArgs, List<String> serviceArgs, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No service jar at " + jar);
        }
        this.log = log;
        this.pidFile = log.resolveSibling("service.pid");
        command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--spring.kafka.bootstrap-servers=" + bootstrap);
        command.add("--server.address=127.0.0.1");
        int port = freePort();
        command.add("--server.port=" + port);
        command.add("--modstream.moderation.topics.partitions=" + partitions);
        // The pipeline's local state: one folder for every start of this process, as a restarted instance on the
        // same disk would have, so a restart restores only the changelogs' tail and reuses its transactional ids.
        command.add("--spring.kafka.streams.state-dir="
                + log.resolveSibling("streams-state").toAbsolutePath());
        command.add("--spring.kafka.streams.properties.application.server=127.0.0.1:" + port);
        command.addAll(serviceArgs);
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
            process = new ProcessBuilder(command)
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
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
            System.err.println("moderation-service did not stop within " + STOP_GRACE_SECONDS + " s; killing it");
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

    Path log() {
        return log;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
