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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The policy in force for each site. Sites with a file in {@code modstream.moderation.policies.directory} get theirs;
 * every other site gets the built-in {@code policies/default.yml}. The folder is checked every
 * {@code reload-interval}: a changed file becomes the site's policy only if it parses and raises the version; an
 * invalid one is logged with every problem and the previous version stays in force. Thread-safe.
 */
@Component
public class SitePolicies {

    private static final Logger log = LoggerFactory.getLogger(SitePolicies.class);

    private final PolicyParser parser = new PolicyParser();
    private final SitePolicy fallback;
    private final @Nullable Path directory;
    private final Map<String, SitePolicy> bySite = new ConcurrentHashMap<>();
    private final Map<Path, String> loadedContent = new HashMap<>();
    private final Map<Path, String> siteOfFile = new HashMap<>();
    private boolean missingFolderReported;

    SitePolicies(ModerationProperties properties) {
        this.fallback = parser.parse(builtIn("policies/default.yml"), "policies/default.yml");
        this.directory = properties.policies().directory();
        reload();
    }

    /** The policy in force for {@code siteId}. */
    public SitePolicy forSite(String siteId) {
        return bySite.getOrDefault(siteId, fallback);
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
            SitePolicy loaded = parser.parse(content, file.getFileName().toString());
            SitePolicy current = bySite.get(loaded.siteId());
            if (current != null && loaded.version() <= current.version()) {
                log.error(
                        "Policy file {} changed but keeps version {} of site {}: raise the version; v{} stays in force",
                        file.getFileName(),
                        loaded.version(),
                        loaded.siteId(),
                        current.version());
                return;
            }
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
