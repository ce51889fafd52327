package io.modstream.moderation.sitepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.moderation.ModerationProperties;
import io.modstream.testing.kafka.KafkaTestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The policy log on a real broker: what one instance put in force, the next one started reads back. */
class KafkaPolicyLogTest {

    @TempDir
    Path folder;

    /** The topic outlives each test, so each uses a site of its own. */
    private final String site = "site-" + UUID.randomUUID();

    @Test
    void recordsEveryVersionAndReadsBackEachSitesLatest() {
        KafkaPolicyLog log = newLog();
        log.latest(); // creates the topic
        log.record(new PolicyLog.Published(site, 1, "one"));
        log.record(new PolicyLog.Published(site, 2, "two"));

        assertThat(newLog().latest()).containsEntry(site, new PolicyLog.Published(site, 2, "two"));
    }

    @Test
    void anOlderFileFoundAtARestartIsPublishedAsTheNextVersion() throws IOException {
        String first = "site: " + site + "\nversion: 1\n";
        write(first);
        SitePolicies before = started();
        write("site: " + site + "\nversion: 2\nlinks:\n  action: allow\n");
        before.reload();
        before.stop();

        write(first); // git checkout while the service was down
        SitePolicies after = started();

        assertThat(after.forSite(site).policy().version()).isEqualTo(site + "/v3");
        assertThat(newLog().latest()).containsEntry(site, new PolicyLog.Published(site, 3, first));
    }

    private SitePolicies started() {
        SitePolicies policies = new SitePolicies(
                new ModerationProperties(
                        new ModerationProperties.Topics(1, (short) 1),
                        List.of(),
                        new ModerationProperties.Policies(folder, Duration.ofSeconds(10)),
                        new ModerationProperties.Activity(Duration.ofHours(24)),
                        new ModerationProperties.Cluster(null)),
                newLog(),
                true);
        policies.start();
        return policies;
    }

    private static KafkaPolicyLog newLog() {
        return new KafkaPolicyLog(
                KafkaTestBroker.bootstrapServers(),
                (short) 1,
                JsonMapper.builder().build());
    }

    private void write(String yaml) throws IOException {
        Files.writeString(folder.resolve("site.yml"), yaml);
    }
}
