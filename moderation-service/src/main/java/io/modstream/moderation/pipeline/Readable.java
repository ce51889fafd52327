package io.modstream.moderation.pipeline;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * A record from outside read as {@code T}, or why it could not be: the pipeline reads its inputs as bytes and parses
 * them in a processor, so an unreadable record becomes data for the dead-letter topic instead of a failed task.
 *
 * @param value what was read; null when unreadable
 * @param raw the record's value exactly as it arrived
 * @param causeClass for an unreadable record, the class of the failure (for {@code kafka_dlt-exception-fqcn})
 * @param cause for an unreadable record, what is wrong with it
 */
record Readable<T>(
        @Nullable T value,
        byte @Nullable [] raw,
        @Nullable String causeClass,
        @Nullable String cause) {

    boolean readable() {
        return value != null;
    }

    T get() {
        if (value == null) {
            throw new IllegalStateException("unreadable: " + cause);
        }
        return value;
    }

    /**
     * Parses {@code raw} with {@code reader} (bound to {@code T}), then asks {@code problem} whether the value makes
     * sense (null when it does). A problem is reported under {@code invalid}'s class name.
     */
    static <T> Readable<T> read(
            byte @Nullable [] raw,
            ObjectReader reader,
            Function<T, @Nullable String> problem,
            Class<? extends RuntimeException> invalid) {
        if (raw == null || raw.length == 0) {
            return new Readable<>(null, raw, invalid.getName(), "empty record");
        }
        T value;
        try {
            value = reader.readValue(raw);
        } catch (JacksonException e) {
            return new Readable<>(null, raw, e.getClass().getName(), e.getOriginalMessage());
        }
        if (value == null) {
            return new Readable<>(null, raw, invalid.getName(), "empty record");
        }
        String wrong = problem.apply(value);
        return wrong == null
                ? new Readable<>(value, raw, null, null)
                : new Readable<>(null, raw, invalid.getName(), wrong);
    }
}
