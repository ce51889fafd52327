package io.modstream.moderation.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The per-user token bucket, on a clock the test moves: 3 at once, then one every 20 s (3 a minute). */
class StaffRatesTest {

    private final ManualTime time = new ManualTime();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StaffRates rates = new StaffRates(new StaffLimitProperties(3, 3, 2, 1), registry, time);

    @Test
    void theBurstIsAllowedAndTheNextCallIsRefusedWithTheWaitForOneMore() {
        for (int call = 0; call < 3; call++) {
            assertThat(rates.take("alice", 1)).isZero();
        }
        assertThat(rates.take("alice", 1)).isEqualTo(Duration.ofSeconds(20));
        assertThat(registry.get("modstream.staff.refused")
                        .tag("user", "alice")
                        .tag("limit", "rate")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void theAllowanceRefillsAtTheSustainedRate() {
        for (int call = 0; call < 3; call++) {
            rates.take("alice", 1);
        }
        time.advance(Duration.ofSeconds(19));
        assertThat(rates.take("alice", 1)).isEqualTo(Duration.ofSeconds(1));
        time.advance(Duration.ofSeconds(1));
        assertThat(rates.take("alice", 1)).isZero();
        assertThat(rates.take("alice", 1)).isPositive();
        // A long pause saves up no more than the burst.
        time.advance(Duration.ofHours(1));
        for (int call = 0; call < 3; call++) {
            assertThat(rates.take("alice", 1)).isZero();
        }
        assertThat(rates.take("alice", 1)).isPositive();
    }

    @Test
    void eachUserHasTheirOwnAllowance() {
        for (int call = 0; call < 3; call++) {
            rates.take("alice", 1);
        }
        assertThat(rates.take("alice", 1)).isPositive();
        assertThat(rates.take("bob", 1)).isZero();
        assertThat(rates.take("bob", 2)).isZero();
        assertThat(rates.take("bob", 1)).isPositive();
    }

    @Test
    void aCostThatIsNotCoveredTakesNothing() {
        rates.take("alice", 2);
        assertThat(rates.take("alice", 2)).isEqualTo(Duration.ofSeconds(20));
        // The one left is still there.
        assertThat(rates.take("alice", 1)).isZero();
    }

    @Test
    void aCostAboveTheBurstIsChargedAsTheWholeBurstSoThatItCanSucceed() {
        assertThat(rates.take("alice", 100)).isZero();
        assertThat(rates.take("alice", 1)).isPositive();
    }

    @Test
    void aChargeThatIsNotCoveredIsA429WithRetryAfterInWholeSeconds() {
        rates.take("alice", 3);
        time.advance(Duration.ofMillis(500));
        assertThatThrownBy(() -> rates.charge("alice", 1)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // 19.5 s rounded up.
            assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
            assertThat(e.getBody().getDetail()).contains("3 at once", "3 a minute", "Nothing was done");
        });
    }

    @Test
    void chargingNothingMoreNeverRefuses() {
        rates.take("alice", 3);
        rates.charge("alice", 0);
    }

    /** Bucket4j's clock, moved by hand. */
    private static final class ManualTime implements TimeMeter {

        private long nanos;

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
