package io.modstream.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The read side's timestamp reader: the same instants as the JDK's, and anything unusual left to Jackson. */
class IsoInstantDeserializerTest {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void readsWhatInstantToStringWritesAsTheJdkDoes() {
        Random random = new Random(20261206);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = first + (long) (random.nextDouble() * (last - first));
            // Whole seconds, milliseconds, microseconds and nanoseconds: toString writes 0, 3, 6 or 9 digits.
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(second, nanos).toString();
            assertThat(parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void readsEveryLengthOfFraction() {
        Instant instant = Instant.parse("2026-12-06T22:22:25.204067471Z");
        for (int digits = 1; digits <= 9; digits++) {
            DateTimeFormatter format = new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true)
                    .appendLiteral('Z')
                    .toFormatter()
                    .withZone(ZoneOffset.UTC);
            String text = format.format(instant);
            assertThat(parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-06T23:22:25+01:00", // an offset
                "2026-12-06T22:22:25.Z", // a point without digits
                "2026-12-06T22:22:25.1234567890Z", // ten digits
                "2026-02-30T00:00:00Z", // no such day
                "2026-12-06T24:00:00Z",
                "2026-12-06T22:60:00Z",
                "2016-12-31T23:59:60Z", // a leap second
                "2026-12-06 22:22:25Z",
                "+12026-12-06T22:22:25Z",
                "2026-12-0xT22:22:25Z",
                "2026-12-06T22:22:25z"
            })
    void leavesEveryOtherFormToJackson(String text) {
        assertThat(parse(text)).isNull();
    }

    @Test
    void jacksonStillReadsTheOtherFormsAndRefusesNonsense() {
        String offset = "{\"commentId\":\"c\",\"siteId\":\"s\",\"threadId\":\"t\",\"submittedAt\":\"%s\"}";
        assertThat(json.readValue(offset.formatted("2026-12-06T23:22:25+01:00"), SubmittedHead.class)
                        .submittedAt())
                .isEqualTo(Instant.parse("2026-12-06T22:22:25Z"));
        assertThat(json.readValue(
                                "{\"commentId\":\"c\",\"siteId\":\"s\",\"threadId\":\"t\",\"submittedAt\":1796595745}",
                                SubmittedHead.class)
                        .submittedAt())
                .isEqualTo(Instant.ofEpochSecond(1796595745));
        assertThatThrownBy(() -> json.readValue(offset.formatted("2026-02-30T00:00:00Z"), SubmittedHead.class))
                .isInstanceOf(JacksonException.class);
        assertThat(json.readValue(offset.formatted("2026-12-06T22:22:25.5Z"), SubmittedHead.class)
                        .submittedAt())
                .isEqualTo(Instant.parse("2026-12-06T22:22:25.500Z"));
    }

    private static Instant parse(String text) {
        char[] padded = ("[" + text + "]").toCharArray();
        return IsoInstantDeserializer.parse(padded, 1, text.length());
    }
}
