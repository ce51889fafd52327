package io.modstream.eventjson;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants as the ISO-8601 text Jackson reads and writes ({@link DateTimeFormatter#ISO_INSTANT}), done by hand for the
 * one shape that every comment and outcome has ({@code 2026-12-05T05:31:57.675Z}: years 0 to 9999, UTC, no leap
 * second). Each comment's {@code submittedAt} is parsed once and each outcome's two instants written once, and
 * {@code java.time}'s general formatter (a map of parsed fields, resolved in several passes) took about a twelfth of
 * the stream thread for it (docs/benchmarks.md).
 *
 * <p>Anything else (another shape, a date that does not exist, a number, instants as timestamps) goes to Jackson's own
 * {@link InstantSerializer} and {@link InstantDeserializer}, so what is read and written is the same in every case;
 * {@code IsoInstantsTest} holds that against them. Only for types whose instants carry no {@code @JsonFormat}: the
 * pipeline's outcome and comment mappers, and comment-ingest's read side, which reads every accepted comment and every
 * outcome back (there {@code DateTimeFormatter} was a fifth of the read side's thread).
 */
public final class IsoInstants {

    private static final int MIN_LENGTH = "0000-00-00T00:00:00Z".length();
    private static final int MAX_LENGTH = "0000-00-00T00:00:00.000000000Z".length();
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstants() {}

    /** A module with this serializer and deserializer for {@link Instant}. */
    public static SimpleModule module() {
        return new SimpleModule("iso-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /**
     * {@code instant} as {@link DateTimeFormatter#ISO_INSTANT} formats it, or null when it is outside years 0 to
     * 9999.
     */
    static char @Nullable [] format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        if (days < LocalDate.of(0, 1, 1).toEpochDay()
                || days > LocalDate.of(9999, 12, 31).toEpochDay()) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(days);
        int nanos = instant.getNano();
        // As ISO_INSTANT: no fraction, or as many groups of three digits as it takes.
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[MIN_LENGTH + (fraction == 0 ? 0 : fraction + 1)];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (fraction > 0) {
            text[19] = '.';
            digits(text, 20, nanos / pow10(9 - fraction), fraction);
        }
        text[text.length - 1] = 'Z';
        return text;
    }

    /**
     * The instant {@code text[offset..offset+length)} names, when it has the shape {@code yyyy-MM-ddTHH:mm:ss}, an
     * optional fraction of one to nine digits, and {@code Z}, and is a real time; null otherwise (for Jackson to
     * parse, or to refuse, as it always did).
     */
    static @Nullable Instant parse(char[] text, int offset, int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH || text[offset + length - 1] != 'Z') {
            return null;
        }
        int year = number(text, offset, 4);
        int month = number(text, offset + 5, 2);
        int day = number(text, offset + 8, 2);
        int hour = number(text, offset + 11, 2);
        int minute = number(text, offset + 14, 2);
        int second = number(text, offset + 17, 2);
        if ((year | month | day | hour | minute | second) < 0
                || text[offset + 4] != '-'
                || text[offset + 7] != '-'
                || text[offset + 10] != 'T'
                || text[offset + 13] != ':'
                || text[offset + 16] != ':'
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        int nanos = 0;
        int fraction = length - MIN_LENGTH - 1;
        if (length > MIN_LENGTH) {
            if (text[offset + 19] != '.' || fraction < 1) {
                return null;
            }
            int digits = number(text, offset + 20, fraction);
            if (digits < 0) {
                return null;
            }
            nanos = digits * pow10(9 - fraction);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDate) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code count} characters from {@code start}, or -1 if one of them is not a digit. */
    private static int number(char[] text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void digits(char[] text, int start, int value, int count) {
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int pow10(int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** Writes the common shape by hand; timestamps (a mapper set to write them) and other years as Jackson does. */
    private static final class Writer extends ValueSerializer<Instant> {

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            char[] text = ctxt.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS) ? null : format(value);
            if (text == null) {
                InstantSerializer.INSTANCE.serialize(value, gen, ctxt);
            } else {
                gen.writeString(text, 0, text.length);
            }
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }

    /** Reads the common shape by hand; everything else, and every refusal, is Jackson's. */
    private static final class Reader extends ValueDeserializer<Instant> {

        @Override
        public @Nullable Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant parsed = parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
                if (parsed != null) {
                    return parsed;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }
}
