package io.modstream.ingest.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.ingest.IngestProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SiteApiKeysTest {

    private final SiteApiKeys keys = new SiteApiKeys(properties(
            new IngestProperties.Site("site-a", SiteApiKeys.hash("key-of-a"), null),
            new IngestProperties.Site("site-b", SiteApiKeys.hash("key-of-b"), null)));

    @Test
    void eachKeyResolvesToItsOwnSite() {
        assertThat(keys.siteFor("key-of-a")).contains("site-a");
        assertThat(keys.siteFor("key-of-b")).contains("site-b");
    }

    @Test
    void unknownOrAlmostRightKeysResolveToNoSite() {
        assertThat(keys.siteFor("key-of-c")).isEmpty();
        assertThat(keys.siteFor("key-of-a ")).isEmpty();
        assertThat(keys.siteFor("")).isEmpty();
    }

    @Test
    void anAuthorizationHeaderResolvesOnlyWhenItIsABearerOfAKnownKey() {
        assertThat(keys.siteForAuthorization("Bearer key-of-a")).contains("site-a");
        assertThat(keys.siteForAuthorization("bearer  key-of-b ")).contains("site-b");
        assertThat(keys.siteForAuthorization(null)).isEmpty();
        assertThat(keys.siteForAuthorization("Basic key-of-a")).isEmpty();
        assertThat(keys.siteForAuthorization("Bearer")).isEmpty();
        assertThat(keys.siteForAuthorization("Bearer ")).isEmpty();
        assertThat(keys.siteForAuthorization("Bearer key-of-c")).isEmpty();
        assertThat(keys.siteForAuthorization("Bearer " + "k".repeat(257))).isEmpty();
    }

    @Test
    void hashIsTheHexSha256ThatSha256sumPrints() {
        // printf %s dev-site-key-not-for-production | sha256sum
        assertThat(SiteApiKeys.hash("dev-site-key-not-for-production"))
                .isEqualTo("615087b8344a89ed738e586375754e44b866fbefd0337c00dc0c33a5851aaffd");
    }

    /** Ingest settings with defaults that do not matter to keys, and these sites. */
    static IngestProperties properties(IngestProperties.Site... sites) {
        return new IngestProperties(
                DataSize.ofKilobytes(64),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                new IngestProperties.Idempotency(Duration.ofHours(1), 10),
                new IngestProperties.Topics(1, (short) 1),
                new IngestProperties.Quota(100, 1000, 1),
                List.of(sites));
    }
}
