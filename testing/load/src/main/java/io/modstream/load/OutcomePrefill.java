package io.modstream.load;

import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Topics;
import io.modstream.events.Verdict;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read side's whole history written straight into the topics, as if comment-ingest had accepted N comments and
 * moderation-service had decided each: a {@link CommentSubmitted} of the {@link CommentMix} on
 * {@code comments.submitted} keyed by author, and one {@link CommentModerated} per comment on the outcome topic of
 * its verdict, keyed by comment id. No service runs while it is written, so it takes a fast producer (lz4, large
 * batches) rather than the pipeline's pace.
 *
 * <p>The verdict follows what the default policy does with each kind of the mix: a link is rejected, an obscenity or
 * insult rejected or held for review, half each, and the rest (clean, long, markup) approved, about 84 %. Comments
 * are spread over {@code threads} threads, except that one thread, {@link #BIG_THREAD}, gets {@code bigThread}
 * approved comments, spread evenly over the whole history. Submitted times are one millisecond apart and end about
 * now, decisions 350 ms after each.
 *
 * <p>Keeps every comment id (as two longs) and its verdict, about 17 bytes a comment, so a reader can pick existing
 * ids and know what each must answer.
 */
final class OutcomePrefill {

    /** The thread with {@code bigThread} approved comments. */
    static final String BIG_THREAD = "load-big-thread";

    /** How many of the big thread's oldest comments are remembered by event id, for pages from its far end. */
    static final int OLDEST_KEPT = 101;

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final long[] idHigh;
    private final long[] idLow;
    private final byte[] verdicts;
    private final int bigThreadApproved;
    private final List<String> bigThreadOldest;
    private final Map<Verdict, Integer> byVerdict;
    private final long valueBytes;
    private final double seconds;

    private OutcomePrefill(
            long[] idHigh,
            long[] idLow,
            byte[] verdicts,
            int bigThreadApproved,
            List<String> bigThreadOldest,
            Map<Verdict, Integer> byVerdict,
            long valueBytes,
            double seconds) {
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.verdicts = verdicts;
        this.bigThreadApproved = bigThreadApproved;
        this.bigThreadOldest = bigThreadOldest;
        this.byVerdict = byVerdict;
        this.valueBytes = valueBytes;
        this.seconds = seconds;
    }

    /**
     * Creates {@code comments.submitted} and the three outcome topics (the review queue compacted, as
     * moderation-service creates it) with {@code partitions} partitions, and writes {@code comments} comments and
     * their outcomes.
     */
    static OutcomePrefill write(String bootstrap, int comments, int threads, int bigThread, int partitions, long seed)
            throws InterruptedException {
        try (Admin admin = Kafka.admin(bootstrap)) {
            Kafka.createTopic(admin, Topics.COMMENTS_SUBMITTED, partitions);
            Kafka.createTopic(admin, Topics.COMMENTS_APPROVED, partitions);
            Kafka.createTopic(admin, Topics.COMMENTS_REJECTED, partitions);
            try {
                admin.createTopics(List.of(new NewTopic(Topics.COMMENTS_REVIEW, partitions, (short) 1)
                                .configs(
                                        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all()
                        .get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Could not create " + Topics.COMMENTS_REVIEW + ": " + e.getCause(), e);
            }
        }
        long start = System.nanoTime();
        JsonMapper json = JsonMapper.builder().build();
        Instant first = Instant.now().minusMillis(comments + 60_000L).truncatedTo(ChronoUnit.MILLIS);
        CommentMix mix = new CommentMix(seed, first);
        Random threadPick = new Random(seed + 1);
        int perSlug = Math.max(1, threads / 10);
        long[] high = new long[comments];
        long[] low = new long[comments];
        byte[] verdicts = new byte[comments];
        Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
        int big = 0;
        List<String> oldest = new ArrayList<>();
        long bytes = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(fastWriter(bootstrap))) {
            for (int i = 0; i < comments; i++) {
                CommentMix.Generated generated = mix.next();
                CommentSubmitted drawn = generated.comment();
                Verdict verdict = verdict(generated.kind(), threadPick);
                // The big thread's comments are approved ones, spread evenly over the history.
                boolean inBig =
                        verdict == Verdict.APPROVE && big < bigThread && (long) big * comments <= (long) bigThread * i;
                String thread = inBig ? BIG_THREAD : drawn.threadId() + "-" + threadPick.nextInt(perSlug);
                big += inBig ? 1 : 0;
                CommentSubmitted comment = new CommentSubmitted(
                        drawn.schemaVersion(),
                        drawn.commentId(),
                        drawn.siteId(),
                        thread,
                        drawn.threadUrl(),
                        drawn.threadTitle(),
                        drawn.parentId(),
                        drawn.author(),
                        drawn.body(),
                        drawn.submittedAt());
                String text = TAG.matcher(comment.body()).replaceAll("");
                CommentModerated outcome = new CommentModerated(
                        CommentModerated.SCHEMA_VERSION,
                        comment.commentId(),
                        comment.siteId(),
                        verdict,
                        reasons(generated.kind(), verdict, comment.body()),
                        text,
                        escaped(text),
                        "load-default-1",
                        comment.submittedAt().plusMillis(350),
                        comment);
                if (inBig && oldest.size() < OLDEST_KEPT) {
                    // The read side's event id: approval time in epoch milliseconds, then the comment id.
                    oldest.add(outcome.decidedAt().toEpochMilli() + "-" + comment.commentId());
                }
                UUID id = UUID.fromString(comment.commentId());
                high[i] = id.getMostSignificantBits();
                low[i] = id.getLeastSignificantBits();
                verdicts[i] = (byte) verdict.ordinal();
                byVerdict.merge(verdict, 1, Integer::sum);
                byte[] submitted = json.writeValueAsBytes(comment);
                byte[] moderated = json.writeValueAsBytes(outcome);
                bytes += submitted.length + moderated.length;
                producer.send(
                        new ProducerRecord<>(Topics.COMMENTS_SUBMITTED, AuthorKeys.of(comment), submitted),
                        (m, e) -> remember(failure, e));
                producer.send(
                        new ProducerRecord<>(Topics.outcomeTopic(verdict), comment.commentId(), moderated),
                        (m, e) -> remember(failure, e));
                if (failure.get() != null) {
                    break;
                }
                if ((i + 1) % 500_000 == 0) {
                    PipelineBenchmark.log("  %,d of %,d comments written", i + 1, comments);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Pre-filling the comment topics failed", failure.get());
        }
        return new OutcomePrefill(
                high, low, verdicts, big, List.copyOf(oldest), byVerdict, bytes, (System.nanoTime() - start) / 1e9);
    }

    private static Map<String, Object> fastWriter(String bootstrap) {
        Map<String, Object> config = Kafka.reliableWriter(bootstrap);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        return config;
    }

    private static void remember(AtomicReference<Exception> failure, Exception e) {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    }

    /** What the default policy does with each kind of the mix. */
    private static Verdict verdict(CommentMix.Kind kind, Random random) {
        return switch (kind) {
            case CLEAN, LONG, MARKUP -> Verdict.APPROVE;
            case LINK -> Verdict.REJECT;
            case SLUR -> random.nextBoolean() ? Verdict.REJECT : Verdict.REVIEW;
        };
    }

    private static List<Reason> reasons(CommentMix.Kind kind, Verdict verdict, String body) {
        int end = Math.min(body.length(), 12);
        return switch (kind) {
            case CLEAN, LONG -> List.of();
            case MARKUP -> List.of(new Reason(ReasonCodes.MARKUP, "Formatting was removed.", 0, end));
            case LINK ->
                List.of(new Reason(ReasonCodes.LINK, "Comments may not contain links to other websites.", 0, end));
            case SLUR ->
                verdict == Verdict.REJECT
                        ? List.of(new Reason(ReasonCodes.BANNED_TERM, "Comments may not contain abuse.", 0, end))
                        : List.of(
                                new Reason(ReasonCodes.SUSPECT_TERM, "A moderator will look at this comment.", 0, end));
        };
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    int count() {
        return verdicts.length;
    }

    String id(int index) {
        return new UUID(idHigh[index], idLow[index]).toString();
    }

    /** The status the read side must answer for the comment at {@code index}. */
    String expectedStatus(int index) {
        return switch (Verdict.values()[verdicts[index]]) {
            case APPROVE -> "APPROVED";
            case REJECT -> "REJECTED";
            case REVIEW -> "IN_REVIEW";
        };
    }

    int bigThreadApproved() {
        return bigThreadApproved;
    }

    /**
     * The event id of the big thread's comment that has exactly {@code older} approved comments before it (at most
     * {@link #OLDEST_KEPT} - 1): as a page's {@code before}, it asks for the thread's {@code older} oldest comments.
     */
    String bigThreadEventIdWithOlder(int older) {
        return bigThreadOldest.get(older);
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%,d comments and their outcomes in %.1f s (%,.0f comments/s), %,.0f MB of JSON values (%.0f bytes a"
                        + " comment, both records); %s; %s has %,d approved comments",
                count(),
                seconds,
                count() / Math.max(1e-9, seconds),
                valueBytes / 1e6,
                (double) valueBytes / Math.max(1, count()),
                byVerdict.entrySet().stream()
                        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                BIG_THREAD,
                bigThreadApproved);
    }
}
