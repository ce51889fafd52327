package io.modstream.moderation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.AuthorKeys;
import io.modstream.events.CommentSubmitted;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which comments go straight to their author's task, and which take the repartition topic: only a comment keyed by
 * its author and read from the partition the key belongs to is at home.
 */
class KeyByAuthorTest {

    private static final int PARTITIONS = 3;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 12})
    void anAuthorsPartitionIsTheOneTheProducerPicksForItsKey(int partitions) {
        List<String> keys = IntStream.range(0, 500)
                .mapToObj(n -> AuthorKeys.of("site-" + n % 7, "reader-" + n))
                .toList();
        for (String key : keys) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            assertThat(AuthorPartitions.of(key, partitions))
                    .as(key)
                    .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, partitions));
            assertThat(new AuthorPartitions<AuthorEvent>()
                            .partitions("any", key, AuthorEvent.submitted(SubmittedComments.comment("x")), partitions))
                    .contains(java.util.Set.of(BuiltInPartitioner.partitionForKey(bytes, partitions)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "grace", "linus", "reader-41", "ünïcødé"})
    void aCommentKeyedByItsAuthorInItsAuthorsPartitionIsAtHome(String author) {
        CommentSubmitted comment = SubmittedComments.comment(author, "Both crews docked.");
        String key = AuthorKeys.of(comment);
        int home = AuthorPartitions.of(key, PARTITIONS);

        KeyByAuthor.Placed placed = place(key.getBytes(StandardCharsets.UTF_8), home, comment);

        assertThat(placed.home()).isTrue();
        assertThat(placed.event().submitted()).isEqualTo(comment);
        for (int other = 0; other < PARTITIONS; other++) {
            if (other != home) {
                assertThat(place(key.getBytes(StandardCharsets.UTF_8), other, comment)
                                .home())
                        .as("read from partition %d", other)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "grace", "linus", "reader-41"})
    void aCommentKeyedOtherwiseIsRerouted(String author) {
        CommentSubmitted comment = SubmittedComments.comment(author, "Both crews docked.");
        int home = AuthorPartitions.of(AuthorKeys.of(comment), PARTITIONS);

        assertThat(place(comment.commentId().getBytes(StandardCharsets.UTF_8), home, comment)
                        .home())
                .isFalse();
        assertThat(place(null, home, comment).home()).isFalse();
        assertThat(place(("other-site/" + author).getBytes(StandardCharsets.UTF_8), home, comment)
                        .home())
                .isFalse();
    }

    /** The one record {@link KeyByAuthor} forwards for {@code comment}, keyed by its author either way. */
    private static KeyByAuthor.Placed place(byte @Nullable [] key, int partition, CommentSubmitted comment) {
        MockProcessorContext<String, KeyByAuthor.Placed> context = new MockProcessorContext<>();
        context.setRecordMetadata("comments.submitted", partition, 0);
        KeyByAuthor<CommentSubmitted> processor = new KeyByAuthor<>(PARTITIONS, AuthorKeys::of, AuthorEvent::submitted);
        processor.init(context);
        processor.process(new Record<>(key, comment, 0L));
        assertThat(context.forwarded()).hasSize(1);
        Record<? extends String, ? extends KeyByAuthor.Placed> forwarded =
                context.forwarded().get(0).record();
        assertThat(forwarded.key()).isEqualTo(AuthorKeys.of(comment));
        return forwarded.value();
    }
}
