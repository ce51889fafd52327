package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading wrk's summary, as wrk 4.1 (Debian's) prints it with {@code --latency}. */
class WrkTest {

    /** Printed by wrk 4.1.0 against a server that answered 404 to everything. */
    private static final String ALL_404 = """
            Running 2s test @ http://127.0.0.1:18999/nonexistent
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     3.17ms    1.30ms  19.10ms   82.68%
                Req/Sec   624.00    129.32     1.40k    95.12%
              Latency Distribution
                 50%    3.06ms
                 75%    3.67ms
                 90%    4.37ms
                 99%    6.34ms
              2546 requests in 2.10s, 1.26MB read
              Non-2xx or 3xx responses: 2546
            Requests/sec:   1212.73
            Transfer/sec:    615.84KB
            """;

    /** The same layout with latencies in microseconds and seconds, and socket errors. */
    private static final String SLOW_TAIL = """
            Running 20s test @ http://127.0.0.1:40111/api/v1/comments
              2 threads and 256 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    40.12ms  120.50ms   2.31s    97.10%
                Req/Sec     3.10k   400.00     4.00k    70.00%
              Latency Distribution
                 50%  812.00us
                 75%    2.10ms
                 90%   10.00ms
                 99%    1.20s
              123456 requests in 20.01s, 30.00MB read
              Socket errors: connect 0, read 3, write 1, timeout 2
            Requests/sec:   6169.76
            Transfer/sec:      1.50MB
            """;

    @Test
    void readsTheRateThePercentilesAndEveryNon2xxAnswer() {
        Wrk.Run run = Wrk.parse("ingest", 4, ALL_404, Duration.ofNanos(509_200_000));

        assertThat(run.app()).isEqualTo("ingest");
        assertThat(run.connections()).isEqualTo(4);
        assertThat(run.requests()).isEqualTo(2546);
        assertThat(run.requestsPerSecond()).isEqualTo(1212.73);
        assertThat(run.p50Millis()).isEqualTo(3.06);
        assertThat(run.p99Millis()).isEqualTo(6.34);
        assertThat(run.bad()).isEqualTo(2546);
        assertThat(run.cpuMicrosPerRequest()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void convertsMicrosecondsAndSecondsAndCountsSocketErrorsAsBad() {
        Wrk.Run run = Wrk.parse("baseline", 256, SLOW_TAIL, Duration.ofSeconds(12));

        assertThat(run.p50Millis()).isCloseTo(0.812, within(1e-9));
        assertThat(run.p99Millis()).isCloseTo(1200.0, within(1e-9));
        assertThat(run.bad()).isEqualTo(6);
        assertThat(run.cpuMicrosPerRequest()).isCloseTo(12e6 / 123456, within(1e-9));
    }

    @Test
    void failsWithWrksOutputWhenTheSummaryIsMissing() {
        String refused = "unable to connect to 127.0.0.1:1 Connection refused\n";

        assertThatThrownBy(() -> Wrk.parse("ingest", 64, refused, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void noAnswersGiveNoCpuPerRequest() {
        String none = ALL_404.replace("2546 requests in", "0 requests in");

        assertThat(Wrk.parse("ingest", 4, none, Duration.ofSeconds(1)).cpuMicrosPerRequest())
                .isNaN();
    }

    @Test
    void theMedianIsTakenOverOneAppAtOneConnectionCount() {
        List<Wrk.Run> runs = List.of(
                run("A", 16, 300),
                run("A", 16, 100),
                run("A", 16, 200),
                run("B", 16, 900),
                run("A", 64, 5000),
                run("B", 16, 700));

        assertThat(Wrk.median(runs, "A", 16, Wrk.Run::cpuMicrosPerRequest)).isEqualTo(200);
        assertThat(Wrk.median(runs, "B", 16, Wrk.Run::cpuMicrosPerRequest)).isEqualTo(800);
        assertThat(Wrk.median(runs, "B", 64, Wrk.Run::cpuMicrosPerRequest)).isNaN();
    }

    private static Wrk.Run run(String app, int connections, double cpuMicros) {
        return new Wrk.Run(app, connections, 1000, 1000, 1, 2, 0, cpuMicros);
    }
}
