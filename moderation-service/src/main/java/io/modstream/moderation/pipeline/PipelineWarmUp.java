package io.modstream.moderation.pipeline;

import io.modstream.events.Author;
import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Made-up comments through the moderation topology in memory, before the JIT has seen real ones.
 *
 * <p>A JVM runs new code slowly until its JIT has compiled it: for the first tens of thousands of comments the stream
 * thread spends several times the CPU per comment it will spend later. On a busy machine, a freshly started instance
 * then falls seconds behind at a few hundred comments a second (docs/benchmarks.md, latency). Run at start, this puts
 * the same code through its paces first: the topology as {@link ModerationTopology#buildInMemory} makes it, in Kafka
 * Streams' {@link TopologyTestDriver} (no broker, its own temporary state directory), so the records are read,
 * moderated under the default policy, stored and written as the real ones are. Its stores are in the heap: the driver
 * commits after every record, and RocksDB would write a file at each commit. What it leaves out: RocksDB, and the
 * Kafka clients' and the broker's code, which warm up on real traffic.
 *
 * <p>Real comments warm the same code, so it gives way to them ({@link GiveWay}): it stops once its own comments and
 * the real ones the pipeline has moderated since the start reach the number asked for, or as soon as the pipeline
 * moderates {@value #BACKLOG_RATE} or more a second. At that rate the instance is draining a backlog (or serving
 * traffic that heavy), which warms the code within seconds anyway, and the warm-up would only take CPU from it; at a
 * few hundred a second it runs to the end.
 *
 * <p>Nothing leaves this class: its outcomes are read back from the driver and dropped, the metrics are not told
 * ({@link PipelineEvents#NONE}), and its state directory is deleted afterwards.
 */
final class PipelineWarmUp {

    /** The site the made-up comments are for: no real site has this id, so it gets the default policy. */
    static final String SITE_ID = "modstream-warm-up";

    private static final int DRAIN_EVERY = 500;

    /** Real outcomes a second at which the warm-up stops: the pipeline is draining a backlog. */
    static final int BACKLOG_RATE = 1_000;

    /**
     * What a warm-up did.
     *
     * @param comments comments put through
     * @param realOutcomes outcomes of real comments the pipeline had produced when it stopped
     * @param writtenByTopic records the topology wrote, by topic (outcomes, and the stores' changelogs)
     * @param took how long it ran
     */
    record Result(int comments, long realOutcomes, Map<String, Integer> writtenByTopic, Duration took) {}

    private PipelineWarmUp() {}

    /**
     * Puts made-up comments through the topology built from {@code settings} until they and {@code realOutcomes} (the
     * real pipeline's outcomes so far) add up to {@code comments}, stopping early when the real ones come at
     * {@link #BACKLOG_RATE} or more a second, at {@code deadline}, or when the thread is interrupted. {@code settings}'
     * events, partitions and stores are replaced: nothing is reported, every author is at home in the one partition the
     * driver has, and the stores are in the heap.
     */
    static Result run(ModerationTopology.Settings settings, int comments, LongSupplier realOutcomes, Instant deadline) {
        long started = System.nanoTime();
        ModerationTopology.Settings quiet = new ModerationTopology.Settings(
                SITE_ID,
                1,
                settings.activityRetention(),
                settings.policies(),
                settings.clock(),
                PipelineEvents.NONE,
                settings.json());
        Path stateDir = temporaryDirectory();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, SITE_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "warm-up.invalid:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, Integer> written = new TreeMap<>();
        int done = 0;
        GiveWay giveWay = new GiveWay(comments, realOutcomes);
        try (TopologyTestDriver driver = new TopologyTestDriver(ModerationTopology.buildInMemory(quiet), config)) {
            TestInputTopic<String, byte[]> submitted = driver.createInputTopic(
                    Topics.COMMENTS_SUBMITTED, new StringSerializer(), new ByteArraySerializer());
            MadeUpComments madeUp = new MadeUpComments(settings.json());
            while (!giveWay.now(done)
                    && Instant.now().isBefore(deadline)
                    && !Thread.currentThread().isInterrupted()) {
                CommentSubmitted comment = madeUp.next();
                submitted.pipeInput(AuthorKeys.of(comment), madeUp.bytes(comment));
                done++;
                if (done % DRAIN_EVERY == 0) {
                    drain(driver, written);
                }
            }
            drain(driver, written);
        } finally {
            delete(stateDir);
        }
        return new Result(done, giveWay.real(), Map.copyOf(written), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Whether real comments have made the rest of the warm-up needless: with the made-up ones they reach the number
     * asked for, or over the last second or more they came at {@link #BACKLOG_RATE} a second or faster.
     */
    private static final class GiveWay {

        private static final long SECOND = Duration.ofSeconds(1).toNanos();

        private final int comments;
        private final LongSupplier realOutcomes;
        private long real;
        private long windowStart = System.nanoTime();
        private long realAtWindowStart;

        GiveWay(int comments, LongSupplier realOutcomes) {
            this.comments = comments;
            this.realOutcomes = realOutcomes;
            this.real = realOutcomes.getAsLong();
            this.realAtWindowStart = real;
        }

        boolean now(int done) {
            real = realOutcomes.getAsLong();
            if (done + real >= comments) {
                return true;
            }
            long now = System.nanoTime();
            long elapsed = now - windowStart;
            if (elapsed < SECOND) {
                return false;
            }
            if ((real - realAtWindowStart) * SECOND >= BACKLOG_RATE * elapsed) {
                return true;
            }
            windowStart = now;
            realAtWindowStart = real;
            return false;
        }

        /** The real outcomes at the last look. */
        long real() {
            return real;
        }
    }

    /** Reads what the topology wrote since the last call, so the driver does not keep it, and counts it. */
    private static void drain(TopologyTestDriver driver, Map<String, Integer> written) {
        for (String topic : driver.producedTopicNames()) {
            int records = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList()
                    .size();
            if (records > 0) {
                written.merge(topic, records, Integer::sum);
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("modstream-warm-up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the warm-up's state directory " + directory, e);
        }
    }

    /**
     * Comments shaped like a site's (the benchmarks' mix): most of them a few ordinary sentences, some with a link,
     * markup or disguised abuse, a few long. Half the authors are new; the others post again, now and then the same
     * text, so the author history, duplicate and flood paths run too. The same sequence every time.
     */
    static final class MadeUpComments {

        private static final List<String> WORDS = List.of(
                "the",
                "council",
                "vote",
                "was",
                "closer",
                "than",
                "anyone",
                "expected",
                "and",
                "I",
                "think",
                "this",
                "article",
                "explains",
                "why",
                "people",
                "in",
                "our",
                "town",
                "care",
                "about",
                "schools",
                "roads",
                "taxes",
                "more",
                "than",
                "they",
                "did",
                "last",
                "year",
                "but",
                "nobody",
                "asked",
                "what",
                "happens",
                "next",
                "thanks",
                "for",
                "writing",
                "it",
                "well",
                "good",
                "point",
                "maybe",
                "not",
                "everyone",
                "agrees",
                "with",
                "the",
                "mayor",
                "on",
                "housing",
                "prices",
                "weather",
                "match",
                "team",
                "season");
        private static final List<String> LINKS = List.of(
                "https://www.example.com/story?id=", "http://bit.ly/", "www.example.org/offers/", "example.net/p/");
        private static final List<String> MARKUP = List.of(
                "<script>alert(1)</script>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<img src=x onerror=alert(1)>",
                "<b>bold</b> and <i>italic</i>");
        // Disguised the ways readers disguise them (the mission's own examples), so normalisation runs as well.
        private static final List<String> ABUSE = List.of("f.u.c.k", "sh1t", "\u0430sshole", "you idiot");

        private final JsonMapper json;
        private final Random random = new Random(20_261_207L);
        private final Instant start = Instant.now();
        private int count;
        private String lastBody = "";

        MadeUpComments(JsonMapper json) {
            this.json = json;
        }

        CommentSubmitted next() {
            count++;
            int kind = random.nextInt(100);
            String body;
            if (kind < 6) {
                body = sentences(2) + " " + LINKS.get(random.nextInt(LINKS.size())) + count;
            } else if (kind < 12) {
                body = sentences(1) + " " + MARKUP.get(random.nextInt(MARKUP.size())) + " " + sentences(1);
            } else if (kind < 18) {
                body = sentences(1) + " " + ABUSE.get(random.nextInt(ABUSE.size())) + " " + sentences(1);
            } else if (kind < 22) {
                body = sentences(25);
            } else if (kind < 24) {
                body = lastBody;
            } else {
                body = sentences(2 + random.nextInt(5));
            }
            lastBody = body;
            String authorId = random.nextBoolean() ? "new-" + count : "regular-" + random.nextInt(500);
            return new CommentSubmitted(
                    CommentSubmitted.SCHEMA_VERSION,
                    "warm-up-" + count,
                    SITE_ID,
                    "thread-" + random.nextInt(50),
                    null,
                    null,
                    null,
                    new Author(authorId, "Reader " + authorId, null, null),
                    body,
                    start.plusMillis(count));
        }

        byte[] bytes(CommentSubmitted comment) {
            return json.writeValueAsBytes(comment);
        }

        private String sentences(int count) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < count; s++) {
                int words = 6 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    String word = WORDS.get(random.nextInt(WORDS.size()));
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    text.append(w == words - 1 ? ". " : " ");
                }
            }
            return text.toString().trim();
        }
    }
}
