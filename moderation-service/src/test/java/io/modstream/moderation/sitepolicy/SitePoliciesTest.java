package io.modstream.moderation.sitepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.moderation.ModerationProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePoliciesTest {

    @TempDir
    Path folder;

    @Test
    void siteWithoutAFileGetsTheDefault() {
        SitePolicies policies = new SitePolicies(properties(folder));

        assertThat(policies.forSite("unknown-site").policy().version()).isEqualTo("default/v1");
    }

    @Test
    void newerValidVersionTakesEffectOnReload() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies policies = new SitePolicies(properties(folder));
        assertThat(policies.forSite("site-a").version()).isEqualTo(1);

        write("site: site-a\nversion: 2\nlinks:\n  action: allow\n");
        policies.reload();

        assertThat(policies.forSite("site-a").version()).isEqualTo(2);
    }

    @Test
    void invalidNewVersionIsRefusedAndThePreviousStaysInForce() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies policies = new SitePolicies(properties(folder));

        write("site: site-a\nversion: 2\nlinks:\n  action: sometimes\n");
        policies.reload();

        assertThat(policies.forSite("site-a").version()).isEqualTo(1);
    }

    @Test
    void changedFileThatKeepsItsVersionIsRefused() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies policies = new SitePolicies(properties(folder));

        write("site: site-a\nversion: 1\nlinks:\n  action: allow\n");
        policies.reload();

        assertThat(policies.forSite("site-a").engine().moderate("example.com").reasons())
                .isNotEmpty();
    }

    @Test
    void deletedFileSendsTheSiteBackToTheDefault() throws IOException {
        write("site: site-a\nversion: 4\n");
        SitePolicies policies = new SitePolicies(properties(folder));
        assertThat(policies.forSite("site-a").policy().version()).isEqualTo("site-a/v4");

        Files.delete(folder.resolve("site-a.yml"));
        policies.reload();

        assertThat(policies.forSite("site-a").policy().version()).isEqualTo("default/v1");
    }

    private void write(String yaml) throws IOException {
        Files.writeString(folder.resolve("site-a.yml"), yaml);
    }

    private static ModerationProperties properties(Path folder) {
        return new ModerationProperties(
                new ModerationProperties.Topics(1, (short) 1),
                List.of(),
                new ModerationProperties.Policies(folder, Duration.ofSeconds(10)),
                new ModerationProperties.Activity(Duration.ofHours(24)),
                new ModerationProperties.Cluster(null));
    }
}
