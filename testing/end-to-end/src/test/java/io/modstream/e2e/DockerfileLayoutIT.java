package io.modstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' images cannot be built on every machine (no Docker engine here), so this replays what each Dockerfile
 * does with files, on the jar Maven just built: the first stage's COPY of the jar and its {@code RUN java ...
 * extract}, then the second stage's {@code COPY --from} of each layer into {@code /app}, every absolute path taken
 * inside a temporary folder. The jar the ENTRYPOINT starts must then be there with every library its manifest names.
 * A layer left out of the COPY lines, or a jar name the extraction does not write, fails here rather than in a
 * deployment. What it cannot check is Docker itself: base images, users, the build as Docker runs it.
 */
class DockerfileLayoutIT {

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void theImageHoldsTheJarItStartsAndEveryLibraryItNames(String service, @TempDir Path image) throws Exception {
        Path root = Path.of(System.getProperty("modstream.repo.root"));
        Path context = root.resolve(service);
        List<String> instructions = Files.readAllLines(context.resolve("Dockerfile")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        Path workdir = image;
        String entrypointJar = null;
        for (String line : instructions) {
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "FROM" -> workdir = image;
                case "WORKDIR" -> workdir = inImage(image, words[1]);
                case "COPY" -> copy(context, image, workdir, words);
                case "RUN" -> {
                    if (words[1].equals("java")) {
                        // With the java that runs this test, in the stage's working folder.
                        ServiceProcess.runJava(workdir, List.of(words).subList(2, words.length));
                    }
                }
                case "ENTRYPOINT" -> entrypointJar = jarAfterDashJar(line);
                default -> {
                    // USER, EXPOSE: nothing on disk to check
                }
            }
        }

        assertThat(entrypointJar)
                .as("the ENTRYPOINT of %s/Dockerfile starts a jar", service)
                .isNotNull();
        Path jar = inImage(image, entrypointJar);
        assertThat(jar).as("the jar the ENTRYPOINT starts").isRegularFile();
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        }
        String mainClass = manifest.getMainAttributes().getValue("Main-Class");
        assertThat(mainClass).as("Main-Class of the extracted jar").startsWith("io.modstream.");
        String classPath = manifest.getMainAttributes().getValue("Class-Path");
        assertThat(classPath).as("Class-Path of the extracted jar").isNotBlank();
        List<String> libraries = List.of(classPath.strip().split("\\s+"));
        assertThat(libraries)
                .as("libraries the extracted jar names")
                .anyMatch(library -> library.contains("spring-boot-"))
                .anyMatch(library -> library.contains("kafka-clients-"));
        for (String library : libraries) {
            assertThat(jar.resolveSibling(library))
                    .as("%s, named by the jar's Class-Path", library)
                    .isRegularFile();
        }
    }

    /** An absolute path of the image, inside the folder standing for its root. */
    private static Path inImage(Path image, String path) {
        return image.resolve(path.replaceFirst("^/+", ""));
    }

    /** {@code COPY SOURCE DEST} from the build context, or {@code COPY --from=STAGE SOURCE DEST} between stages. */
    private static void copy(Path context, Path image, Path workdir, String[] words) throws IOException {
        boolean fromStage = words[1].startsWith("--from=");
        int first = fromStage ? 2 : 1;
        assertThat(words).as("COPY %s", String.join(" ", words)).hasSize(first + 2);
        String source = words[first];
        Path target =
                words[first + 1].startsWith("/") ? inImage(image, words[first + 1]) : workdir.resolve(words[first + 1]);
        if (fromStage) {
            Path folder = inImage(image, source);
            assertThat(folder).as("%s, copied from the first stage", source).isDirectory();
            copyTree(folder, target);
        } else {
            Path matched = matchOne(context, source);
            Files.createDirectories(target.getParent());
            Files.copy(matched, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The one file of the build context that a COPY source such as {@code target/name-*-exec.jar} names. */
    private static Path matchOne(Path context, String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Path folder = context.resolve(glob).getParent();
        List<Path> matches;
        try (Stream<Path> files = Files.list(folder)) {
            matches = files.filter(file -> matcher.matches(context.relativize(file)))
                    .toList();
        }
        assertThat(matches).as("files in %s matching %s", context, glob).hasSize(1);
        return matches.get(0);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The argument after {@code -jar} in an exec-form ENTRYPOINT such as {@code ["java", "-jar", "/app/app.jar"]}. */
    private static String jarAfterDashJar(String line) {
        List<String> argv = Arrays.stream(line.substring(line.indexOf('[') + 1, line.lastIndexOf(']'))
                        .split(","))
                .map(word -> word.strip().replaceAll("^\"|\"$", ""))
                .toList();
        int dashJar = argv.indexOf("-jar");
        assertThat(dashJar).as("-jar in %s", line).isNotNegative().isLessThan(argv.size() - 1);
        return argv.get(dashJar + 1);
    }
}
