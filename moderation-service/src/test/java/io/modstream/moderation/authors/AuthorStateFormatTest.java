package io.modstream.moderation.authors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modstream.events.Verdict;
import io.modstream.moderation.policy.AuthorActivity;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

class AuthorStateFormatTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30.123Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Serde<AuthorState> serde = AuthorStateFormat.serde(json);

    @Test
    void aStateWithEveryFieldSetReadsBackEqual() {
        AuthorState state = new AuthorState(
                new AuthorStanding(
                        1,
                        7,
                        "news-site",
                        "αλέξης/42",
                        true,
                        T0.plusSeconds(3600),
                        true,
                        false,
                        "note with ünïcödé, \"quotes\" and a 🐈",
                        "mod@example.org",
                        T0.plusSeconds(60)),
                new AuthorHistory(
                        1,
                        12,
                        "news-site",
                        "αλέξης/42",
                        9,
                        2,
                        1,
                        List.of(
                                new AuthorHistory.Recent("c-3", Verdict.REVIEW, T0.plusSeconds(2), "third"),
                                new AuthorHistory.Recent("c-2", Verdict.REJECT, T0.plusSeconds(1), ""),
                                new AuthorHistory.Recent("c-1", Verdict.APPROVE, T0, "first, 日本語"))),
                List.of(new AuthorActivity.Post(T0, "fp-1"), new AuthorActivity.Post(T0.plusSeconds(1), "fp-2")));

        assertThat(roundTrip(state)).isEqualTo(state);
    }

    @Test
    void aFreshAuthorWithItsNullsReadsBackEqual() {
        AuthorState fresh = AuthorState.fresh("site", "author");

        assertThat(fresh.standing().note()).isNull();
        assertThat(roundTrip(fresh)).isEqualTo(fresh);
    }

    @Test
    void timesAreKeptToTheMillisecondAsTheJsonFormKeptThem() {
        Instant withNanos = Instant.parse("2026-12-04T10:15:30.123456789Z");
        AuthorState state = new AuthorState(
                AuthorStanding.ordinary("s", "a"),
                AuthorHistory.empty("s", "a"),
                List.of(new AuthorActivity.Post(withNanos, "fp")));

        assertThat(roundTrip(state).recentPosts().get(0).at()).isEqualTo(T0);
    }

    @Test
    void stateThatEarlierVersionsStoredAsJsonStillReads() {
        AuthorState state = AuthorState.fresh("site", "author")
                .afterComment("c-1", Verdict.APPROVE, T0, "hello", "fp-1", Duration.ofHours(1))
                .afterAction(
                        new AuthorAction(AuthorAction.Kind.SUSPEND, Duration.ofHours(2), "cool off", null), "mod", T0);
        JsonMapper epochMillis = json.rebuild()
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .build();
        byte[] storedAsJson = epochMillis.writeValueAsBytes(state);

        AuthorState read = AuthorStateFormat.serde(epochMillis).deserializer().deserialize("t", storedAsJson);

        assertThat(storedAsJson[0]).isEqualTo((byte) '{');
        assertThat(read).isEqualTo(state);
        assertThat(serde.serializer().serialize("t", read)[0]).isEqualTo(AuthorStateFormat.BINARY_V1);
    }

    @Test
    void aValueCutShortIsAnErrorNotAStateWithHolesIn() {
        byte[] whole = serde.serializer().serialize("t", AuthorState.fresh("site", "author"));

        for (int length : new int[] {1, 9, whole.length / 2, whole.length - 1}) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", cut))
                    .as("cut to %d of %d bytes", length, whole.length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anUnknownFormatIsRefused() {
        byte[] bytes = serde.serializer().serialize("t", AuthorState.fresh("site", "author"));
        bytes[0] = 9;

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 9");
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    /**
     * The format is written by hand into one array since {@code 1a99e8b} wrote it through {@link DataOutputStream}:
     * stores and changelogs written by either must read in both, so the bytes must be the same.
     */
    @Test
    void randomStatesAreWrittenAsDataOutputStreamWroteThemAndReadBackEqual() throws IOException {
        Random random = new Random(20261205);
        for (int i = 0; i < 500; i++) {
            AuthorState state = randomState(random);

            byte[] written = serde.serializer().serialize("t", state);

            assertThat(written).isEqualTo(asDataOutputStreamWroteIt(state));
            assertThat(serde.deserializer().deserialize("t", written)).isEqualTo(state);
        }
    }

    private static AuthorState randomState(Random random) {
        String site = randomText(random, false);
        String author = randomText(random, false);
        AuthorStanding standing = new AuthorStanding(
                1,
                random.nextLong(),
                site,
                author,
                random.nextBoolean(),
                random.nextBoolean() ? null : randomInstant(random),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean() ? null : randomText(random, true),
                random.nextBoolean() ? null : randomText(random, false),
                random.nextBoolean() ? null : randomInstant(random));
        List<AuthorHistory.Recent> recent = new ArrayList<>();
        for (int i = random.nextInt(11); i > 0; i--) {
            recent.add(new AuthorHistory.Recent(
                    randomText(random, false),
                    Verdict.values()[random.nextInt(Verdict.values().length)],
                    randomInstant(random),
                    randomText(random, true)));
        }
        List<AuthorActivity.Post> posts = new ArrayList<>();
        for (int i = random.nextInt(51); i > 0; i--) {
            posts.add(new AuthorActivity.Post(randomInstant(random), randomText(random, false)));
        }
        return new AuthorState(
                standing,
                new AuthorHistory(
                        1,
                        random.nextLong(),
                        site,
                        author,
                        random.nextInt(1000),
                        random.nextInt(1000),
                        random.nextInt(1000),
                        recent),
                posts);
    }

    private static Instant randomInstant(Random random) {
        return Instant.ofEpochMilli(random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L));
    }

    /** ASCII, or any code point (surrogate pairs and all) when {@code anyText}; up to 300 characters. */
    private static String randomText(Random random, boolean anyText) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(anyText ? 300 : 40); i > 0; i--) {
            int codePoint = anyText && random.nextInt(4) == 0
                    ? random.nextInt(Character.MAX_CODE_POINT + 1)
                    : 32 + random.nextInt(95);
            if (Character.isSurrogate((char) codePoint) && codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                continue; // a lone surrogate is not text: UTF-8 cannot carry it either way
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** Version 1 as {@code 1a99e8b} wrote it. */
    private static byte[] asDataOutputStreamWroteIt(AuthorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(AuthorStateFormat.BINARY_V1);
            AuthorStanding standing = state.standing();
            out.writeLong(standing.revision());
            text(out, standing.siteId());
            text(out, standing.authorId());
            out.writeBoolean(standing.banned());
            instant(out, standing.suspendedUntil());
            out.writeBoolean(standing.premoderated());
            out.writeBoolean(standing.trusted());
            text(out, standing.note());
            text(out, standing.changedBy());
            instant(out, standing.changedAt());
            AuthorHistory history = state.history();
            out.writeLong(history.revision());
            text(out, history.siteId());
            text(out, history.authorId());
            out.writeLong(history.approved());
            out.writeLong(history.rejected());
            out.writeLong(history.held());
            out.writeInt(history.recent().size());
            for (AuthorHistory.Recent recent : history.recent()) {
                text(out, recent.commentId());
                text(out, recent.verdict().name());
                instant(out, recent.at());
                text(out, recent.excerpt());
            }
            out.writeInt(state.recentPosts().size());
            for (AuthorActivity.Post post : state.recentPosts()) {
                instant(out, post.at());
                text(out, post.fingerprint());
            }
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, @Nullable String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void instant(DataOutputStream out, @Nullable Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.toEpochMilli());
        }
    }

    private AuthorState roundTrip(AuthorState state) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));
    }
}
