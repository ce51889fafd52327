package io.modstream.moderation.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

class ConsumerLagTest {

    @Test
    void closesWithinSecondsWhenTheBrokerIsGoneAndAMeasurementIsWaitingForIt() throws Exception {
        // Nothing listens on port 1: the measurement's requests wait for their 60-s API timeout.
        ConsumerLag lag = new ConsumerLag(
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1")),
                new SimpleMeterRegistry(),
                "consumer-lag-test");
        CompletableFuture<Void> measuring = CompletableFuture.runAsync(lag::measure);
        Thread.sleep(500);
        assertThat(measuring).isNotDone();

        // Admin.close() without a timeout waited for those requests, and held a shutting-down JVM with it.
        assertTimeoutPreemptively(Duration.ofSeconds(10), lag::destroy);
    }
}
