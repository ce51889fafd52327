package io.modstream.moderation.sitepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Reason;
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

    private final InMemoryPolicyLog log = new InMemoryPolicyLog();

    @Test
    void siteWithoutAFileGetsTheDefault() {
        SitePolicies policies = started();

        assertThat(policies.forSite("unknown-site").policy().version()).isEqualTo("default/v1");
    }

    @Test
    void newerValidVersionTakesEffectOnReload() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies policies = started();
        assertThat(policies.forSite("site-a").version()).isEqualTo(1);

        write("site: site-a\nversion: 2\nlinks:\n  action: allow\n");
        policies.reload();

        assertThat(policies.forSite("site-a").version()).isEqualTo(2);
    }

    @Test
    void invalidNewVersionIsRefusedAndThePreviousStaysInForce() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies policies = started();

        write("site: site-a\nversion: 2\nlinks:\n  action: sometimes\n");
        policies.reload();

        assertThat(policies.forSite("site-a").version()).isEqualTo(1);
    }

    @Test
    void changedFileThatKeepsItsVersionIsPublishedAsTheNextVersion() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies policies = started();

        write("site: site-a\nversion: 1\nlinks:\n  action: allow\n");
        policies.reload();

        assertThat(policies.forSite("site-a").policy().version()).isEqualTo("site-a/v2");
        assertThat(policies.forSite("site-a").engine().moderate("example.com").reasons())
                .isEmpty();
    }

    @Test
    void checkingOutAnOlderFileRollsBackAsTheNextVersion() throws IOException {
        String first = "site: site-a\nversion: 1\n";
        write(first);
        SitePolicies policies = started();
        write("site: site-a\nversion: 2\nlinks:\n  action: allow\n");
        policies.reload();

        write(first);
        policies.reload();

        assertThat(policies.forSite("site-a").policy().version()).isEqualTo("site-a/v3");
        assertThat(policies.forSite("site-a").engine().moderate("example.com").reasons())
                .extracting(Reason::code)
                .containsExactly("LINK");
        assertThat(log.recorded).last().isEqualTo(new PolicyLog.Published("site-a", 3, first));
    }

    @Test
    void afterARestartAnOlderFileIsPublishedAsTheNextVersionNotTakenBack() throws IOException {
        String first = "site: site-a\nversion: 1\n";
        write(first);
        SitePolicies before = started();
        write("site: site-a\nversion: 2\nlinks:\n  action: allow\n");
        before.reload();
        before.stop();

        write(first); // checked out while the service was down
        SitePolicies after = started();

        assertThat(after.forSite("site-a").policy().version()).isEqualTo("site-a/v3");
        assertThat(log.latest().get("site-a").version()).isEqualTo(3);
    }

    @Test
    void afterARestartAnUnchangedFileKeepsItsRecordedVersion() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies before = started();
        write("site: site-a\nversion: 1\nlinks:\n  action: allow\n");
        before.reload();
        before.stop();

        SitePolicies after = started();

        assertThat(after.forSite("site-a").policy().version()).isEqualTo("site-a/v2");
        assertThat(log.recorded).hasSize(2);
    }

    @Test
    void aVersionThatCannotBeRecordedIsNotPutInForceUntilItIs() throws IOException {
        write("site: site-a\nversion: 1\n");
        SitePolicies policies = started();

        log.failing = true;
        write("site: site-a\nversion: 2\nlinks:\n  action: allow\n");
        policies.reload();
        assertThat(policies.forSite("site-a").version()).isEqualTo(1);

        log.failing = false;
        policies.reload();
        assertThat(policies.forSite("site-a").version()).isEqualTo(2);
    }

    @Test
    void aDeletedSitesNumbersAreNotReused() throws IOException {
        write("site: site-a\nversion: 4\n");
        SitePolicies policies = started();
        Files.delete(folder.resolve("site-a.yml"));
        policies.reload();

        write("site: site-a\nversion: 1\nlinks:\n  action: allow\n");
        policies.reload();

        assertThat(policies.forSite("site-a").policy().version()).isEqualTo("site-a/v5");
    }

    @Test
    void deletedFileSendsTheSiteBackToTheDefault() throws IOException {
        write("site: site-a\nversion: 4\n");
        SitePolicies policies = started();
        assertThat(policies.forSite("site-a").policy().version()).isEqualTo("site-a/v4");

        Files.delete(folder.resolve("site-a.yml"));
        policies.reload();

        assertThat(policies.forSite("site-a").policy().version()).isEqualTo("default/v1");
    }

    /** A started instance, as in the service, recording in this test's log; call it again for a restart. */
    private SitePolicies started() {
        SitePolicies policies = new SitePolicies(properties(folder), log, true);
        policies.start();
        return policies;
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
