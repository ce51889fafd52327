package io.modstream.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service, run as its own process the way {@code run-local.sh} and the images run it (from its extracted
 * jar), on a free loopback port. Its output goes to {@code target/e2e-logs/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    /** Each jar's extracted copy, made once per test run: jar property -> the extracted jar. */
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    /** The java that runs the tests, for the processes they start. */
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, String jarProperty, List<String> arguments) throws IOException {
        Path jar = extracted(jarProperty);
        int port = freePort();
        Path log = Path.of("target", "e2e-logs", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        // Kafka Streams state: one fresh folder per process, given both ways a service may read it (a read side kept
        // in the heap ignores both).
        Path state = Files.createTempDirectory("modstream-e2e-" + name);
        command.add("--spring.kafka.streams.state-dir=" + state);
        command.add("--spring.kafka.streams.properties.application.server=127.0.0.1:" + port);
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MODSTREAM_STATE_DIR", state.toString());
        Process process = builder.start();
        return new ServiceProcess(name, process, port, log);
    }

    /**
     * The jar Maven built, extracted into Spring Boot's layout ({@code java -Djarmode=tools -jar JAR extract}) under
     * {@code target/e2e-extracted/} the first time a test starts it: its libraries as plain files, which start faster
     * than jars nested in a jar (docs/pipeline.md, "Starting faster").
     */
    private static Path extracted(String jarProperty) throws IOException {
        String packed = System.getProperty(jarProperty);
        if (packed == null || !Files.isRegularFile(Path.of(packed))) {
            throw new IllegalStateException(
                    "No jar at " + packed + " (" + jarProperty + "); run through './mvnw verify'");
        }
        try {
            return EXTRACTED.computeIfAbsent(jarProperty, property -> extract(Path.of(packed)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path extract(Path packed) {
        String fileName = packed.getFileName().toString();
        Path folder = Path.of("target", "e2e-extracted", fileName.replaceFirst("\\.jar$", ""));
        // --force: over an earlier run's copy. Libraries it had that this jar lacks stay behind, unused: the
        // extracted jar's manifest names the ones it loads.
        runJava(
                Path.of("."),
                List.of(
                        "-Djarmode=tools",
                        "-jar",
                        packed.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        folder.toString()));
        Path jar = folder.resolve(fileName);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Extracting " + packed + " wrote no " + jar);
        }
        return jar;
    }

    /**
     * Runs the java that runs the tests with {@code arguments} in {@code workdir} and waits up to two minutes for it to
     * exit with 0; otherwise fails with its output.
     */
    static void runJava(Path workdir, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile("e2e-java", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(workdir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                boolean exited = process.waitFor(120, TimeUnit.SECONDS);
                if (!exited) {
                    process.destroyForcibly();
                }
                if (!exited || process.exitValue() != 0) {
                    throw new IllegalStateException(
                            command + (exited ? " exited with " + process.exitValue() : " did not finish in 120 s")
                                    + ":\n" + Files.readString(log));
                }
            } finally {
                Files.delete(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the process dies or is slow. */
    ServiceProcess awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(url("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + ":\n" + logTail());
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
