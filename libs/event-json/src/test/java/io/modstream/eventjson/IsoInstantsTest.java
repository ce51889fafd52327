package io.modstream.eventjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** What Jackson reads and writes for an instant is the same with {@link IsoInstants} as without. */
class IsoInstantsTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final JsonMapper BY_HAND =
            JACKSON.rebuild().addModule(IsoInstants.module()).build();

    @Test
    void randomInstantsAreWrittenAsJacksonWritesThemAndReadBackEqual() {
        Random random = new Random(20261205);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant(random);

            String written = BY_HAND.writeValueAsString(instant);

            assertThat(written).as("%s", instant).isEqualTo(JACKSON.writeValueAsString(instant));
            assertThat(BY_HAND.readValue(written, Instant.class)).isEqualTo(instant);
        }
    }

    @Test
    void theShapeOfEveryCommentAndOutcomeIsDoneByHand() {
        String text = "2026-12-05T05:31:57.675Z";

        assertThat(IsoInstants.parse(text.toCharArray(), 0, text.length())).isEqualTo(Instant.parse(text));
        assertThat(IsoInstants.format(Instant.parse(text))).containsExactly(text.toCharArray());
    }

    @Test
    void anOutcomeWithBothInstantsIsWrittenAsJacksonWritesIt() {
        var record = new Times(Instant.parse("2026-12-05T05:31:57.675Z"), Instant.parse("2026-12-05T05:31:57Z"));

        assertThat(BY_HAND.writeValueAsString(record)).isEqualTo(JACKSON.writeValueAsString(record));
        assertThat(BY_HAND.readValue(JACKSON.writeValueAsString(record), Times.class))
                .isEqualTo(record);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-12-05T05:31:57Z\"",
                "\"2026-12-05T05:31:57.1Z\"",
                "\"2026-12-05T05:31:57.000Z\"",
                "\"2026-12-05T05:31:57.123456789Z\"",
                "\"2024-02-29T12:00:00Z\"",
                "\"0000-01-01T00:00:00Z\"",
                "\"9999-12-31T23:59:59.999999999Z\"",
                "\"2026-02-29T00:00:00Z\"",
                "\"2026-04-31T00:00:00Z\"",
                "\"2026-13-01T00:00:00Z\"",
                "\"2026-00-10T00:00:00Z\"",
                "\"2026-12-00T00:00:00Z\"",
                "\"2026-12-05T24:00:00Z\"",
                "\"2026-12-31T23:59:60Z\"",
                "\"2026-12-05T05:60:00Z\"",
                "\"2026-12-05T05:31:57.Z\"",
                "\"2026-12-05T05:31:57.1234567890Z\"",
                "\"2026-12-05t05:31:57Z\"",
                "\"2026-12-05T05:31:57z\"",
                "\"2026-12-05T05:31:57+00:00\"",
                "\"2026-12-05T05:31:57+01:00\"",
                "\"2026-12-05T05:31\"",
                "\" 2026-12-05T05:31:57Z \"",
                "\"+10000-01-01T00:00:00Z\"",
                "\"-0001-01-01T00:00:00Z\"",
                "\"2026-12-05 05:31:57Z\"",
                "\"2026/12/05T05:31:57Z\"",
                "\"1764912717000\"",
                "\"\"",
                "1764912717000",
                "1764912717.123456789",
                "null",
                "[]"
            })
    void everyTextIsReadAsJacksonReadsItOrRefusedAsJacksonRefusesIt(String json) {
        assertThat(read(BY_HAND, json)).isEqualTo(read(JACKSON, json));
    }

    @Test
    void mangledInstantsAreReadAsJacksonReadsThemOrRefusedAsJacksonRefusesThem() {
        Random random = new Random(5);
        String alphabet = "0123456789-:.TZtz+ ";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(randomInstant(random).toString());
            for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            texts.add('"' + text.toString() + '"');
        }

        for (String json : texts) {
            assertThat(read(BY_HAND, json)).as(json).isEqualTo(read(JACKSON, json));
        }
    }

    /** The instant read, or the class of the refusal. */
    private static Object read(JsonMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Instant.class));
        } catch (RuntimeException refused) {
            return refused.getClass();
        }
    }

    /** Mostly years 1970 to 2100 in each of ISO_INSTANT's precisions; some anywhere an Instant can be. */
    private static Instant randomInstant(Random random) {
        long seconds = random.nextInt(10) == 0
                ? random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                : random.nextLong(0, 4_102_444_800L);
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    record Times(Instant decidedAt, Instant submittedAt) {}
}
