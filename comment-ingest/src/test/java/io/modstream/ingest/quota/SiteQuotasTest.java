package io.modstream.ingest.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.site.SiteApiKeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The token buckets on a clock the test moves: no sleeping, no timing luck. */
class SiteQuotasTest {

    private final ManualTime time = new ManualTime();

    @Test
    void aSiteMayPostItsBurstAtOnceAndIsThenRefusedUntilATokenRefills() {
        SiteQuotas quotas = quotas(new IngestProperties.Quota(10, 5, 1), site("site-a", null));

        assertThat(take("site-a", quotas, 5)).isEqualTo(5);
        SiteQuotas.Admission refused = quotas.tryTake("site-a");

        assertThat(refused.admitted()).isFalse();
        // 10 a second: the next token is 100 ms away; the header rounds that up to one whole second.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensRefillAtTheSustainedRateButNeverBeyondTheBurst() {
        SiteQuotas quotas = quotas(new IngestProperties.Quota(10, 5, 1), site("site-a", null));
        take("site-a", quotas, 5);

        time.advance(Duration.ofMillis(99));
        assertThat(quotas.tryTake("site-a").admitted()).isFalse();
        time.advance(Duration.ofMillis(1));
        assertThat(take("site-a", quotas, 10)).isEqualTo(1);

        // A quiet minute refills the bucket to its burst, not to 600.
        time.advance(Duration.ofMinutes(1));
        assertThat(take("site-a", quotas, 100)).isEqualTo(5);
    }

    @Test
    void aRefusalTakesNothing() {
        SiteQuotas quotas = quotas(new IngestProperties.Quota(10, 1, 1), site("site-a", null));
        take("site-a", quotas, 1);
        for (int i = 0; i < 50; i++) {
            assertThat(quotas.tryTake("site-a").admitted()).isFalse();
        }

        time.advance(Duration.ofMillis(100));
        assertThat(quotas.tryTake("site-a").admitted()).isTrue();
    }

    @Test
    void oneSitesFloodLeavesAnotherSitesQuotaWhole() {
        SiteQuotas quotas = quotas(new IngestProperties.Quota(10, 5, 1), site("site-a", null), site("site-b", null));

        assertThat(take("site-a", quotas, 1000)).isEqualTo(5);

        assertThat(take("site-b", quotas, 1000)).isEqualTo(5);
    }

    @Test
    void aSitesOwnQuotaReplacesTheDefaultWhereItIsSet() {
        SiteQuotas quotas = quotas(
                new IngestProperties.Quota(10, 5, 1),
                site("big", new IngestProperties.SiteQuota(1000L, 50L)),
                site("burst-only", new IngestProperties.SiteQuota(null, 20L)));

        assertThat(take("big", quotas, 1000)).isEqualTo(50);
        assertThat(take("burst-only", quotas, 1000)).isEqualTo(20);
        assertThat(quotas.limitOf("burst-only")).isEqualTo(new SiteQuotas.Limit(10, 20));

        time.advance(Duration.ofMillis(10));
        assertThat(take("big", quotas, 1000)).isEqualTo(10);
        assertThat(take("burst-only", quotas, 1000)).isZero();
    }

    @Test
    void eachInstanceEnforcesItsShareOfTheDeploymentsQuota() {
        // 100 a second and bursts of 42 for the deployment, shared by 4 instances: 11 at once (10.5 rounded up) and
        // 25 a second here.
        SiteQuotas quotas = quotas(new IngestProperties.Quota(100, 42, 4), site("site-a", null));

        assertThat(take("site-a", quotas, 1000)).isEqualTo(11);
        assertThat(quotas.tryTake("site-a").retryAfter()).isEqualTo(Duration.ofMillis(40));

        time.advance(Duration.ofSeconds(1));
        assertThat(take("site-a", quotas, 1000)).isEqualTo(11);
        time.advance(Duration.ofMillis(200));
        assertThat(take("site-a", quotas, 1000)).isEqualTo(5);
    }

    @Test
    void aShareNeverFallsToNothing() {
        SiteQuotas quotas = quotas(new IngestProperties.Quota(1, 1, 3), site("site-a", null));

        assertThat(take("site-a", quotas, 10)).isEqualTo(1);
        // One a second shared by three: one every three seconds here.
        assertThat(quotas.tryTake("site-a").retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(new SiteQuotas.Admission(false, Duration.ofNanos(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new SiteQuotas.Admission(false, Duration.ofSeconds(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new SiteQuotas.Admission(false, Duration.ofMillis(1001)).retryAfterSeconds())
                .isEqualTo(2);
        assertThat(new SiteQuotas.Admission(false, Duration.ZERO).retryAfterSeconds())
                .isEqualTo(1);
    }

    @Test
    void aSiteThatIsNotConfiguredHasNoQuotaToSpend() {
        SiteQuotas quotas = quotas(new IngestProperties.Quota(10, 5, 1), site("site-a", null));

        assertThatThrownBy(() -> quotas.tryTake("site-z")).isInstanceOf(IllegalArgumentException.class);
    }

    /** How many of {@code attempts} back-to-back comments, at one instant, were admitted. */
    private static int take(String siteId, SiteQuotas quotas, int attempts) {
        int admitted = 0;
        for (int i = 0; i < attempts; i++) {
            if (quotas.tryTake(siteId).admitted()) {
                admitted++;
            }
        }
        return admitted;
    }

    private SiteQuotas quotas(IngestProperties.Quota defaults, IngestProperties.Site... sites) {
        return new SiteQuotas(
                new IngestProperties(
                        DataSize.ofKilobytes(64),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        new IngestProperties.Idempotency(Duration.ofHours(1), 10),
                        new IngestProperties.Topics(1, (short) 1),
                        defaults,
                        List.of(sites)),
                time);
    }

    private static IngestProperties.Site site(String id, IngestProperties.SiteQuota quota) {
        return new IngestProperties.Site(id, SiteApiKeys.hash("key-of-" + id), quota);
    }

    /** A clock that stands still until told to move. */
    private static final class ManualTime implements TimeMeter {

        private long nanos = 1_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
