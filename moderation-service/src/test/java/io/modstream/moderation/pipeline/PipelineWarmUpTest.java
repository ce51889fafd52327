package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Topics;
import io.modstream.moderation.sitepolicy.PolicyParser;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The made-up comments through the real topology in memory, as the service does at start. */
class PipelineWarmUpTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void putsEveryCommentThroughToAnOutcomeOfEachKindAndReportsNothing() throws IOException {
        CountingEvents events = new CountingEvents();
        ModerationTopology.Settings settings = settings(events);

        PipelineWarmUp.Result result =
                PipelineWarmUp.run(settings, 1_200, () -> 0, Instant.now().plusSeconds(120));

        assertThat(result.comments()).isEqualTo(1_200);
        int outcomes = result.writtenByTopic().getOrDefault(Topics.COMMENTS_APPROVED, 0)
                + result.writtenByTopic().getOrDefault(Topics.COMMENTS_REJECTED, 0)
                + result.writtenByTopic().getOrDefault(Topics.COMMENTS_REVIEW, 0);
        assertThat(outcomes).as("one outcome per comment").isEqualTo(1_200);
        // The mix reaches every verdict, so the engine's paths for links, markup and abuse all ran.
        assertThat(result.writtenByTopic())
                .containsKeys(Topics.COMMENTS_APPROVED, Topics.COMMENTS_REJECTED, Topics.COMMENTS_REVIEW)
                .doesNotContainKey(Topics.COMMENTS_SUBMITTED_DLT);
        // Every comment changed its author's state in the store, through its changelog.
        assertThat(result.writtenByTopic())
                .containsEntry(PipelineWarmUp.SITE_ID + "-" + ModerationTopology.AUTHOR_STORE + "-changelog", 1_200);
        assertThat(events.told).as("the service's metrics are not told").hasValue(0);
    }

    @Test
    void countsTheRealCommentsAlreadyModeratedAsItsOwn() throws IOException {
        PipelineWarmUp.Result result = PipelineWarmUp.run(
                settings(new CountingEvents()),
                2_000,
                () -> 1_500,
                Instant.now().plusSeconds(120));

        assertThat(result.comments()).isEqualTo(500);
        assertThat(result.realOutcomes()).isEqualTo(1_500);
    }

    @Test
    void givesWayToABacklogAsSoonAsItSeesOne() throws IOException {
        // Real outcomes at 10,000 a second, ten times the backlog rate: it stops after its first second or so, long
        // before the 1,000,000 asked for or its deadline.
        PipelineWarmUp.Result result = PipelineWarmUp.run(
                settings(new CountingEvents()),
                1_000_000,
                realOutcomesAt(10_000),
                Instant.now().plusSeconds(60));

        assertThat(result.took()).isLessThan(Duration.ofSeconds(30));
        assertThat(result.comments() + result.realOutcomes()).isLessThan(1_000_000);
    }

    @Test
    void goesOnBesideLightTraffic() throws IOException {
        // Real outcomes at 100 a second, a tenth of the backlog rate: it runs to its deadline.
        PipelineWarmUp.Result result = PipelineWarmUp.run(
                settings(new CountingEvents()),
                1_000_000,
                realOutcomesAt(100),
                Instant.now().plusMillis(2_500));

        // Its deadline was set just before it started, so it ran for nearly all of those 2.5 s.
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(result.comments()).isPositive();
    }

    @Test
    void doesNothingWhenRealCommentsCameFirst() throws IOException {
        PipelineWarmUp.Result result = PipelineWarmUp.run(
                settings(new CountingEvents()),
                2_000,
                () -> 2_000,
                Instant.now().plusSeconds(120));

        assertThat(result.comments()).isZero();
        assertThat(result.writtenByTopic()).isEmpty();
    }

    @Test
    void stopsAtItsDeadlineAndLeavesNoStateBehind() throws IOException {
        List<Path> before = warmUpDirectories();

        PipelineWarmUp.Result result =
                PipelineWarmUp.run(settings(new CountingEvents()), 1_000_000, () -> 0, Instant.now());

        assertThat(result.comments()).isLessThan(1_000_000);
        assertThat(warmUpDirectories()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void theRunnerRunsOnAThreadOfItsOwnAndFinishes() throws Exception {
        PipelineWarmUpRunner runner =
                new PipelineWarmUpRunner(settings(new CountingEvents()), 300, () -> 0, Duration.ofMinutes(2));

        runner.start();

        PipelineWarmUp.Result result = runner.finished().get(2, TimeUnit.MINUTES);
        assertThat(result).isNotNull();
        assertThat(result.comments()).isEqualTo(300);
    }

    @Test
    void theRunnerStartsOnceThoughAskedTwice() throws Exception {
        PipelineWarmUpRunner runner =
                new PipelineWarmUpRunner(settings(new CountingEvents()), 300, () -> 0, Duration.ofMinutes(2));

        runner.start();
        runner.start();

        PipelineWarmUp.Result result = runner.finished().get(2, TimeUnit.MINUTES);
        assertThat(result).isNotNull();
        assertThat(result.comments()).isEqualTo(300);
        assertThat(runner.threadsStarted()).isEqualTo(1);
    }

    @Test
    void aRunnerAskedForNoCommentsDoesNothing() throws Exception {
        PipelineWarmUpRunner runner =
                new PipelineWarmUpRunner(settings(new CountingEvents()), 0, () -> 0, Duration.ofMinutes(2));

        runner.start();

        assertThat(runner.finished().get(1, TimeUnit.SECONDS)).isNull();
        assertThat(runner.isRunning()).isFalse();
    }

    private ModerationTopology.Settings settings(PipelineEvents events) throws IOException {
        SitePolicy defaults;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/default.yml")) {
            defaults = new PolicyParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "test");
        }
        return new ModerationTopology.Settings(
                "moderation-test", 3, Duration.ofHours(24), site -> defaults, Clock.systemUTC(), events, json);
    }

    /** Real outcomes counted from now on at {@code perSecond}, as the pipeline's count would grow. */
    private static LongSupplier realOutcomesAt(long perSecond) {
        long start = System.nanoTime();
        return () -> (System.nanoTime() - start) * perSecond / 1_000_000_000L;
    }

    private static List<Path> warmUpDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("modstream-warm-up"))
                    .toList();
        }
    }

    /** Counts whatever the topology tells; the warm-up must tell nothing. */
    private static final class CountingEvents implements PipelineEvents {
        final AtomicInteger told = new AtomicInteger();

        @Override
        public void moderated(CommentModerated outcome) {
            told.incrementAndGet();
        }

        @Override
        public void decided(ModeratorDecision decision) {
            told.incrementAndGet();
        }

        @Override
        public void deadLettered(String deadLetterTopic) {
            told.incrementAndGet();
        }

        @Override
        public void waited(String siteId, Duration inQueue) {
            told.incrementAndGet();
        }
    }
}
