package io.modstream.moderation.sitepolicy;

import io.modstream.moderation.ModerationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The policy in force for each site. Sites with a file in {@code modstream.moderation.policies.directory} get theirs;
 * every other site gets the built-in {@code policies/default.yml}. The folder is checked every
 * {@code reload-interval}: a changed file that parses becomes the site's policy; an invalid one is logged with every
 * problem and the previous version stays in force.
 *
 * <p>A site's versions only move forward. A changed file is in force under the version it declares if that is higher
 * than the site's latest, and otherwise, as when an older file is checked out to roll back, under the next version
 * after the latest, with a warning. Once started, every version put in force is first recorded in the
 * {@link PolicyLog}, and the log read at start is what "latest" means across restarts: a file that changed while the
 * service was down is published as a new version, and one that did not change keeps its recorded version. Without
 * the pipeline ({@code spring.kafka.streams.auto-startup=false}, the HTTP side alone) nothing is recorded and the
 * latest versions are those seen since start. Thread-safe.
 */
@Component
public class SitePolicies implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SitePolicies.class);

    private final PolicyParser parser = new PolicyParser();
    private final SitePolicy fallback;
    private final @Nullable Path directory;
    private final PolicyLog policyLog;
    private final boolean recordVersions;
    private final Map<String, SitePolicy> bySite = new ConcurrentHashMap<>();
    /** The latest version of each site, kept after its file is deleted so that a new file cannot reuse a number. */
    private final Map<String, PolicyLog.Published> latest = new HashMap<>();

    private final Map<Path, String> loadedContent = new HashMap<>();
    private final Map<Path, String> siteOfFile = new HashMap<>();
    private boolean missingFolderReported;
    private volatile boolean recording;

    @Autowired
    SitePolicies(
            ModerationProperties properties,
            PolicyLog policyLog,
            @Value("${spring.kafka.streams.auto-startup:true}") boolean recordVersions) {
        this.fallback = parser.parse(builtIn("policies/default.yml"), "policies/default.yml");
        this.directory = properties.policies().directory();
        this.policyLog = policyLog;
        this.recordVersions = recordVersions;
        reload();
    }

    /**
     * Reads the policy log, then the folder again against it, before the pipeline starts: a file that would take a
     * site back to an earlier version is published as the next one. Fails the start when the log cannot be read.
     */
    @Override
    public synchronized void start() {
        latest.clear();
        latest.putAll(policyLog.latest());
        recording = true;
        loadedContent.clear();
        reload();
    }

    @Override
    public void stop() {
        recording = false;
    }

    @Override
    public boolean isRunning() {
        return recording;
    }

    @Override
    public boolean isAutoStartup() {
        return recordVersions;
    }

    /** Before the pipeline, which asks for policies as soon as it runs. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** The policy in force for {@code siteId}. */
    public SitePolicy forSite(String siteId) {
        return bySite.getOrDefault(siteId, fallback);
    }

    /** Whether {@code siteId} has a policy file of its own (rather than the default policy that any id gets). */
    public boolean hasOwnPolicy(String siteId) {
        return bySite.containsKey(siteId);
    }

    /** The version in force per site that has a policy file, and the default's under {@code "*"}. */
    public Map<String, String> versions() {
        Map<String, String> versions = new java.util.TreeMap<>();
        versions.put("*", fallback.policy().version());
        bySite.forEach((site, policy) -> versions.put(site, policy.policy().version()));
        return versions;
    }

    /** Parses a candidate policy without putting it in force, for dry runs and backtests. */
    public SitePolicy candidate(String yaml) {
        return parser.parse(yaml, "candidate policy");
    }

    /** Re-reads changed policy files. Runs on a schedule; safe to call any time. */
    @Scheduled(fixedDelayString = "${modstream.moderation.policies.reload-interval:10s}")
    public synchronized void reload() {
        if (directory == null) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            if (!missingFolderReported) {
                log.warn("Policy folder {} does not exist; sites use the default policy", directory.toAbsolutePath());
                missingFolderReported = true;
            }
            return;
        }
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yml")) {
            for (Path file : files) {
                present.add(file);
                load(file);
            }
        } catch (IOException e) {
            log.error("Could not list policy folder {}: {}", directory, e.toString());
            return;
        }
        forgetRemoved(present);
    }

    /** A site whose file was deleted falls back to the default policy. */
    private void forgetRemoved(Set<Path> present) {
        for (Path gone : Set.copyOf(siteOfFile.keySet())) {
            if (!present.contains(gone)) {
                String siteId = siteOfFile.remove(gone);
                loadedContent.remove(gone);
                bySite.remove(siteId);
                log.warn("Policy file {} was removed: site {} now uses the default policy", gone.getFileName(), siteId);
            }
        }
    }

    private void load(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.error("Could not read policy file {}: {}", file, e.toString());
            return;
        }
        if (content.equals(loadedContent.get(file))) {
            return;
        }
        loadedContent.put(file, content);
        try {
            SitePolicy parsed = parser.parse(content, file.getFileName().toString());
            PolicyLog.Published published = publish(parsed, content, file);
            if (published == null) {
                loadedContent.remove(file); // not recorded, so not in force: try again on the next reload
                return;
            }
            SitePolicy loaded = parsed.renumbered(published.version());
            bySite.put(loaded.siteId(), loaded);
            siteOfFile.put(file, loaded.siteId());
            log.info(
                    "Policy {} of site {} is in force (from {})",
                    loaded.policy().version(),
                    loaded.siteId(),
                    file);
        } catch (InvalidPolicyException e) {
            String siteId = siteOfFile.get(file);
            SitePolicy current = siteId == null ? null : bySite.get(siteId);
            log.error(
                    "Policy file {} refused, {} stays in force: {}",
                    file.getFileName(),
                    current == null ? "the default policy" : current.policy().version(),
                    String.join("; ", e.problems()));
        }
    }

    /**
     * The version {@code parsed} is in force under: the one it declares when that moves the site forward, the next
     * after the latest when it would not, and the latest itself when the file is the latest's, unchanged. A new
     * version is recorded first; null when it could not be.
     */
    private PolicyLog.@Nullable Published publish(SitePolicy parsed, String content, Path file) {
        String siteId = parsed.siteId();
        PolicyLog.Published last = latest.get(siteId);
        if (last != null && last.content().equals(content)) {
            return last;
        }
        int version = last == null || parsed.version() > last.version() ? parsed.version() : last.version() + 1;
        PolicyLog.Published next = new PolicyLog.Published(siteId, version, content);
        if (recording) {
            try {
                policyLog.record(next);
            } catch (RuntimeException e) {
                log.error(
                        "Policy file {} could not be recorded as {}/v{}, so it is not in force yet: {}",
                        file.getFileName(),
                        siteId,
                        version,
                        e.toString());
                return null;
            }
        }
        if (version != parsed.version()) {
            log.warn(
                    "Policy file {} declares version {} but {}/v{} came before it: published as {}/v{}, as a rollback"
                            + " or a change that kept its number; write version: {} in the file to keep them in step",
                    file.getFileName(),
                    parsed.version(),
                    siteId,
                    last == null ? 0 : last.version(),
                    siteId,
                    version,
                    version);
        }
        latest.put(siteId, next);
        return next;
    }

    private static String builtIn(String resource) {
        try (InputStream in = SitePolicies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
