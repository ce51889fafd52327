package io.modstream.kafka.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready means: the broker answers, and every in-memory view has read its topics to where they were at start. A
 * service that is not ready should get no traffic (its views would answer from partial state, its writes would time
 * out). The broker is asked at most every {@code checkEvery}; between checks the last answer stands.
 */
public final class KafkaReadiness implements HealthIndicator, AutoCloseable {

    private final Admin admin;
    private final List<TopicView> views;
    private final boolean consuming;
    private final Duration checkEvery;
    private final Clock clock = Clock.systemUTC();
    private volatile @Nullable Instant checkedAt;
    private volatile @Nullable String brokerProblem = "not checked yet";
    private volatile int brokers;

    /**
     * @param adminConfig how to reach the broker (e.g. {@code KafkaAdmin.getConfigurationProperties()})
     * @param views the views that must be caught up
     * @param checkEvery how often the broker is asked
     */
    public KafkaReadiness(Map<String, Object> adminConfig, List<TopicView> views, Duration checkEvery) {
        this(adminConfig, views, views.stream().anyMatch(TopicView::isAutoStartup), checkEvery);
    }

    /**
     * @param adminConfig how to reach the broker (e.g. {@code KafkaAdmin.getConfigurationProperties()})
     * @param views the views that must be caught up
     * @param consuming whether the service consumes at all; when it does not, nothing here waits for Kafka
     * @param checkEvery how often the broker is asked
     */
    public KafkaReadiness(
            Map<String, Object> adminConfig, List<TopicView> views, boolean consuming, Duration checkEvery) {
        this.admin = Admin.create(adminConfig);
        this.views = List.copyOf(views);
        this.consuming = consuming;
        this.checkEvery = checkEvery;
    }

    @Override
    public Health health() {
        if (!consuming) {
            // Configured not to consume (spring.kafka.listener.auto-startup=false): nothing here waits for Kafka.
            return Health.up()
                    .withDetail("views", "not started by configuration")
                    .build();
        }
        checkBrokerIfDue();
        String problem = brokerProblem;
        List<String> behind = views.stream()
                .filter(view -> view.isAutoStartup() && !view.isCaughtUp())
                .map(view -> view.getClass().getSimpleName())
                .toList();
        Health.Builder health = problem == null && behind.isEmpty() ? Health.up() : Health.outOfService();
        health.withDetail("brokers", brokers);
        if (problem != null) {
            health.withDetail("broker", problem);
        }
        if (!behind.isEmpty()) {
            health.withDetail("catchingUp", behind);
        }
        return health.build();
    }

    private void checkBrokerIfDue() {
        Instant last = checkedAt;
        Instant now = clock.instant();
        if (last != null && last.plus(checkEvery).isAfter(now)) {
            return;
        }
        checkedAt = now;
        try {
            brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS)
                    .size();
            brokerProblem = brokers == 0 ? "no brokers" : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            brokerProblem = "interrupted";
        } catch (Exception e) {
            brokers = 0;
            brokerProblem = "unreachable: " + e.getClass().getSimpleName();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
