package io.modstream.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modstream.events.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of a status: what goes in comes out, older JSON values still read, damaged ones refused. */
class StatusCodecTest {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final StatusCodec codec = new StatusCodec(json);

    static Stream<CommentStatus> statuses() {
        Instant submitted = Instant.parse("2026-12-06T22:22:25.204067471Z");
        return Stream.of(
                new CommentStatus(
                        "c-1",
                        "site-a",
                        "thread-1",
                        null,
                        null,
                        CommentStatus.Status.PENDING,
                        List.of(),
                        null,
                        null,
                        submitted,
                        null),
                new CommentStatus(
                        "c-2",
                        "site-a",
                        "thread-1",
                        "c-1",
                        "Zoë 🦊",
                        CommentStatus.Status.IN_REVIEW,
                        List.of(new Reason("LINK", "Links are held for a moderator.", 4, 27)),
                        null,
                        null,
                        submitted,
                        submitted.plusMillis(85)),
                new CommentStatus(
                        "c-3",
                        "site-b",
                        "ничего",
                        null,
                        "",
                        CommentStatus.Status.APPROVED,
                        List.of(),
                        "Fine & dandy <3",
                        "<p>Fine &amp; dandy &lt;3</p>",
                        submitted,
                        submitted.plusSeconds(1)),
                new CommentStatus(
                        "c-4",
                        "site-b",
                        "t",
                        null,
                        "Ann",
                        CommentStatus.Status.REJECTED,
                        List.of(
                                new Reason("SLUR", "Slurs are not allowed.", 0, 5),
                                new Reason("FLOOD", "Too many comments in a minute.", 0, 0)),
                        null,
                        null,
                        Instant.EPOCH,
                        Instant.parse("1969-12-31T23:59:59.999999999Z")));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void whatIsStoredReadsBackTheSame(CommentStatus status) {
        byte[] stored = codec.encode(status);

        assertThat(stored[0]).isEqualTo(StatusCodec.FORMAT);
        assertThat(codec.decode(stored)).isEqualTo(status);
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void aStatusStoredAsJsonBeforeTheBinaryFormIsStillRead(CommentStatus status) {
        assertThat(codec.decode(json.writeValueAsBytes(status))).isEqualTo(status);
    }

    @Test
    void theBinaryFormIsSmallerThanJson() {
        statuses()
                .forEach(status ->
                        assertThat(codec.encode(status).length).isLessThan(json.writeValueAsBytes(status).length));
    }

    @Test
    void aValueInNeitherFormIsRefused() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {7, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTruncatedValueIsRefusedAtEveryLength() {
        byte[] stored = codec.encode(statuses().toList().get(3));
        for (int length = 1; length < stored.length; length++) {
            byte[] truncated = Arrays.copyOf(stored, length);
            assertThatThrownBy(() -> codec.decode(truncated))
                    .as("cut at %d of %d bytes", length, stored.length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
