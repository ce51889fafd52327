package io.modstream.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.CdpVersionFinder;

/**
 * For browser tests: a headless Chromium driven through the chromedriver of the Debian packages, each with a fresh
 * profile. Both paths are explicit, so Selenium Manager never looks for (or downloads) a browser or driver.
 *
 * <p>Without the packages, tests guarded by {@link #installedOrOnCi()} are skipped on a developer's machine and fail
 * on CI ({@code CI=true}), where a skipped browser test would pass unnoticed.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String BROWSER = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";
    public static final String MISSING = "Chromium and chromedriver are needed at " + BROWSER + " and " + DRIVER
            + ": apt-get install chromium chromium-driver";

    /**
     * Selenium warns at every start when it ships no DevTools bindings for the installed Chromium's version. These
     * tests use WebDriver only, never DevTools. Held here so the setting is not garbage-collected with the logger.
     */
    private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger(CdpVersionFinder.class.getName());

    static {
        CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether both the browser and its driver are installed. */
    public static boolean installed() {
        return Files.isExecutable(Paths.get(BROWSER)) && Files.isExecutable(Paths.get(DRIVER));
    }

    /**
     * Whether browser tests should run here: where the browser is installed, and on CI ({@code CI=true}) always,
     * so that a missing browser fails the build there instead of skipping tests unnoticed.
     */
    public static boolean installedOrOnCi() {
        return installed() || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Starts a browser with a new profile. */
    public static HeadlessChromium start() {
        if (!installed()) {
            throw new IllegalStateException(MISSING);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("modstream-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
