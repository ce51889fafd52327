package io.modstream.ingest.status;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the timestamps of the records the read side applies. Every comment an instance takes comes back to it once from
 * {@code comments.submitted} and once with its outcome, and Jackson's own {@code Instant} reader goes through
 * {@code DateTimeFormatter}, which was a fifth of the read side's thread (docs/benchmarks.md, issue 12).
 *
 * <p>The form every Modstream service writes, {@code 2026-12-06T22:22:25.204067471Z} (UTC, a four-digit year, zero to
 * nine digits of fraction), is read here digit by digit; anything else (an offset, a number, a leap second, a date that
 * does not exist) goes to Jackson's {@link InstantDeserializer#INSTANT}, which reads or refuses it as before.
 */
final class IsoInstantDeserializer extends ValueDeserializer<Instant> {

    /** {@code yyyy-MM-ddTHH:mm:ssZ}, the shortest form read here. */
    private static final int SHORTEST = 20;

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = parse(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant {@code chars[offset, offset + length)} writes in the form above; null if it is in any other. */
    static @Nullable Instant parse(char[] chars, int offset, int length) {
        if (length < SHORTEST
                || length > SHORTEST + 10
                || chars[offset + length - 1] != 'Z'
                || chars[offset + 4] != '-'
                || chars[offset + 7] != '-'
                || chars[offset + 10] != 'T'
                || chars[offset + 13] != ':'
                || chars[offset + 16] != ':') {
            return null;
        }
        int year = digits(chars, offset, 4);
        int month = digits(chars, offset + 5, 2);
        int day = digits(chars, offset + 8, 2);
        int hour = digits(chars, offset + 11, 2);
        int minute = digits(chars, offset + 14, 2);
        int second = digits(chars, offset + 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - SHORTEST - 1; // after the '.', before the 'Z'
        if (fractionDigits >= 0) {
            if (chars[offset + 19] != '.' || fractionDigits == 0) {
                return null;
            }
            nanos = digits(chars, offset + 20, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDate) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code chars[from, from + count)}; -1 if any of them is not an ASCII digit. */
    private static int digits(char[] chars, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
