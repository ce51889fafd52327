package io.modstream.moderation.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modstream.events.CommentModerated;
import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import io.modstream.moderation.ModerationProperties;
import io.modstream.moderation.sitepolicy.SitePolicies;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The service's own metrics, named for Prometheus as {@code modstream_*}:
 *
 * <ul>
 *   <li>{@code modstream_comments_moderated_total{site, verdict}}: outcomes, by the pipeline or a moderator;
 *   <li>{@code modstream_comment_reasons_total{site, code}}: reasons given, one per reason;
 *   <li>{@code modstream_moderation_latency_seconds{verdict}} (histogram): from submission to outcome; for a held
 *       comment decided by a moderator it includes the wait in the queue;
 *   <li>{@code modstream_review_queue_size}, {@code modstream_review_queue_oldest_seconds}: the flagged queue (kept
 *       by {@link QueueGauges});
 *   <li>{@code modstream_decisions_total{moderator, action}}: moderators' decisions that took effect;
 *   <li>{@code modstream_dead_letters_total{topic}}: records sent to a dead-letter topic;
 *   <li>{@code modstream_comments_unchecked_total{site}}: comments the policy failed on (a bug), held instead;
 *   <li>{@code modstream_pipeline_queue_time_seconds{site}} (histogram, 50 ms to 5 min): from a comment's record on
 *       {@code comments.submitted} to the policy's outcome, the wait one site's burst can impose on the others
 *       (docs/limits.md). Its {@code site} tag names configured sites only (a policy file, or a user scoped to the
 *       site) and puts every other id under {@value #OTHER_SITE}, so a producer writing made-up site ids straight to
 *       the topic cannot create series without bound.
 * </ul>
 *
 * Consumer lag per partition comes from the Kafka client's own metrics, which Spring Boot registers
 * ({@code kafka_consumer_fetch_manager_records_lag{topic, partition}}).
 */
@Component
public class ModerationMetrics {

    /** The {@code site} tag of a site this service is not configured for. */
    static final String OTHER_SITE = "other";

    private static final Duration[] QUEUE_TIME_BUCKETS = Stream.of(
                    "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S", "PT5S", "PT10S", "PT30S", "PT1M",
                    "PT2M", "PT5M")
            .map(Duration::parse)
            .toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Predicate<String> configuredSite;
    /** One timer per configured site and one for the others: bounded, and one lookup per comment. */
    private final Map<String, Timer> queueTimes = new ConcurrentHashMap<>();

    // The meters every outcome touches, each built and registered once: building a meter's id and finding it in the
    // registry for every outcome was about 4 % of the stream thread (docs/benchmarks.md, issue 10).
    private final Map<Tags, Counter> moderatedCounters = new ConcurrentHashMap<>();
    private final Map<Tags, Counter> reasonCounters = new ConcurrentHashMap<>();
    private final Map<Verdict, Timer> latencyTimers = new ConcurrentHashMap<>();

    /** A site and a verdict or a reason code: the key of a cached meter. */
    private record Tags(String site, String value) {}

    @Autowired
    ModerationMetrics(MeterRegistry registry, SitePolicies policies, ModerationProperties properties) {
        this(registry, configuredSites(policies, properties));
    }

    ModerationMetrics(MeterRegistry registry, Predicate<String> configuredSite) {
        this.registry = registry;
        this.configuredSite = configuredSite;
    }

    /** A site with a policy file (looked up each time: files come and go) or one a user is scoped to. */
    private static Predicate<String> configuredSites(SitePolicies policies, ModerationProperties properties) {
        Set<String> scoped = properties.users().stream()
                .flatMap(user -> user.sites().stream())
                .collect(Collectors.toUnmodifiableSet());
        return site -> scoped.contains(site) || policies.hasOwnPolicy(site);
    }

    /** Counts an outcome and its reasons, and times it from the comment's submission. */
    public void moderated(CommentModerated outcome) {
        String site = outcome.siteId();
        moderatedCounters
                .computeIfAbsent(new Tags(site, outcome.verdict().name()), this::moderatedCounter)
                .increment();
        for (Reason reason : outcome.reasons()) {
            reasonCounters
                    .computeIfAbsent(new Tags(site, reason.code()), this::reasonCounter)
                    .increment();
        }
        Duration latency = Duration.between(outcome.comment().submittedAt(), outcome.decidedAt());
        latencyTimers
                .computeIfAbsent(outcome.verdict(), this::latencyTimer)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private Counter moderatedCounter(Tags tags) {
        return Counter.builder("modstream.comments.moderated")
                .description("Outcomes published")
                .tag("site", tags.site())
                .tag("verdict", tags.value())
                .register(registry);
    }

    private Counter reasonCounter(Tags tags) {
        return Counter.builder("modstream.comment.reasons")
                .description("Reasons given, one per reason")
                .tag("site", tags.site())
                .tag("code", tags.value())
                .register(registry);
    }

    private Timer latencyTimer(Verdict verdict) {
        return Timer.builder("modstream.moderation.latency")
                .description("From submission to outcome")
                .tag("verdict", verdict.name())
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Times a comment's wait from {@code comments.submitted} to the policy's outcome, by site. */
    public void waited(String siteId, Duration inQueue) {
        String site = configuredSite.test(siteId) ? siteId : OTHER_SITE;
        Timer timer = queueTimes.get(site);
        if (timer == null) {
            timer = queueTimes.computeIfAbsent(site, this::queueTimer);
        }
        timer.record(inQueue.isNegative() ? Duration.ZERO : inQueue);
    }

    private Timer queueTimer(String site) {
        return Timer.builder("modstream.pipeline.queue.time")
                .description("From a comment's record on comments.submitted to the policy's outcome")
                .tag("site", site)
                // A dozen fixed buckets per site rather than the seventy of a percentile histogram: sites are many,
                // and what an operator asks is how many waited more than a second, ten, a minute.
                .serviceLevelObjectives(QUEUE_TIME_BUCKETS)
                .register(registry);
    }

    /** Counts a moderator's decision that took effect. */
    public void decided(String moderator, Verdict action) {
        Counter.builder("modstream.decisions")
                .description("Moderators' decisions that took effect")
                .tag("moderator", moderator)
                .tag("action", action.name())
                .register(registry)
                .increment();
    }

    /** Counts a comment the policy could not be applied to (a bug), which was held for a moderator instead. */
    public void unchecked(String siteId) {
        Counter.builder("modstream.comments.unchecked")
                .description("Comments the policy could not be applied to, held for a moderator")
                .tag("site", siteId)
                .register(registry)
                .increment();
    }

    /** Counts a record sent to a dead-letter topic. */
    public void deadLettered(String topic) {
        Counter.builder("modstream.dead.letters")
                .description("Records sent to a dead-letter topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
