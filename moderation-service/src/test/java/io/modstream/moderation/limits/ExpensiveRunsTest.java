package io.modstream.moderation.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modstream.moderation.limits.ExpensiveRuns.Job;
import io.modstream.moderation.limits.ExpensiveRuns.Permit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** How many backtests and replays run at once: 2 and 1 here. */
class ExpensiveRunsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExpensiveRuns runs = new ExpensiveRuns(new StaffLimitProperties(200, 300, 2, 1), registry);

    @Test
    void aJobOverTheLimitIsRefusedAndAllowedOnceOneEnds() {
        Permit first = runs.start(Job.BACKTEST, "alice");
        runs.start(Job.BACKTEST, "bob");
        assertThat(running("backtest")).isEqualTo(2.0);

        assertThatThrownBy(() -> runs.start(Job.BACKTEST, "alice"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
                    assertThat(e.getBody().getDetail()).startsWith("At most 2 backtests may run at once");
                });
        assertThat(registry.get("modstream.staff.refused")
                        .tag("user", "alice")
                        .tag("limit", "backtest")
                        .counter()
                        .count())
                .isEqualTo(1.0);

        first.release();
        assertThat(running("backtest")).isEqualTo(1.0);
        runs.start(Job.BACKTEST, "alice");
    }

    @Test
    void releasingTwiceGivesBackOnePermit() {
        Permit replay = runs.start(Job.REPLAY, "olga");
        replay.release();
        replay.release();
        runs.start(Job.REPLAY, "olga");
        assertThatThrownBy(() -> runs.start(Job.REPLAY, "olga"))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getBody().getDetail())
                                .startsWith("At most 1 dead-letter replay may run at once"));
    }

    @Test
    void backtestsAndReplaysHaveSeparateLimits() {
        runs.start(Job.REPLAY, "olga");
        runs.start(Job.BACKTEST, "alice");
        runs.start(Job.BACKTEST, "alice");
        assertThat(running("replay")).isEqualTo(1.0);
        assertThat(running("backtest")).isEqualTo(2.0);
    }

    private double running(String job) {
        return registry.get("modstream.staff.running").tag("job", job).gauge().value();
    }
}
