package io.modstream.ingest.site;

import io.modstream.ingest.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Resolves an API key to the site it belongs to. Holds only SHA-256 hashes of keys. Thread-safe and immutable.
 */
@Component
public class SiteApiKeys {

    /** The scheme of an {@code Authorization} header that carries a site's key. */
    static final String BEARER = "Bearer ";

    /** Longer keys are refused before hashing, so a caller cannot make us hash megabytes. */
    static final int MAX_KEY_LENGTH = 256;

    private final List<Entry> entries;

    public SiteApiKeys(IngestProperties properties) {
        this.entries = properties.sites().stream()
                .map(site -> new Entry(site.id(), HexFormat.of().parseHex(site.apiKeySha256())))
                .toList();
    }

    /**
     * The site an {@code Authorization: Bearer <key>} header authenticates, or empty for anything else: no header,
     * another scheme, a malformed key or one nobody has. {@link ApiKeyAuthenticationConverter} tells those apart for
     * its 401; this is for a caller that only needs to know whether the header is good.
     */
    public Optional<String> siteForAuthorization(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = header.substring(BEARER.length()).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return siteFor(key);
    }

    /** The site whose key this is, if any. Compares every configured hash in constant time. */
    public Optional<String> siteFor(String apiKey) {
        byte[] presented = sha256(apiKey);
        String match = null;
        for (Entry entry : entries) {
            // No early exit: the time taken does not reveal which entry, if any, matched.
            if (MessageDigest.isEqual(presented, entry.keyHash())) {
                match = entry.siteId();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Lower-case hex SHA-256 of a key, the form the configuration holds. */
    public static String hash(String apiKey) {
        return HexFormat.of().formatHex(sha256(apiKey));
    }

    private static byte[] sha256(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Entry(String siteId, byte[] keyHash) {}
}
