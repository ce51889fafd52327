package io.modstream.benchmarks;

import io.modstream.moderation.sitepolicy.PolicyParser;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The policy a site gets when it has no file of its own, read the way moderation-service reads it. */
final class DefaultPolicy {

    static final String RESOURCE = "policies/default.yml";

    private DefaultPolicy() {}

    static SitePolicy load() {
        try (InputStream in = DefaultPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (moderation-service's jar)");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new PolicyParser().parse(yaml, "default.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
