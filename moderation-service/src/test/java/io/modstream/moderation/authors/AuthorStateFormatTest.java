package io.modstream.moderation.authors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modstream.events.Verdict;
import io.modstream.moderation.policy.AuthorActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
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

    private AuthorState roundTrip(AuthorState state) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));
    }
}
