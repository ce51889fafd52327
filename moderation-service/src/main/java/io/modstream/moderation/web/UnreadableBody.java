package io.modstream.moderation.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The {@code detail} of a 400 for a request body that could not be read or failed validation, naming each field at
 * fault: {@code "P1Y"} as a duration, or a note too long, used to be answered only "Failed to read HTTP message" or
 * "Invalid request content.". A duration is in days, hours or minutes, not calendar years or months, whose length
 * depends on when they start.
 */
final class UnreadableBody {

    private UnreadableBody() {}

    static String detail(ServerWebInputException failure) {
        if (failure instanceof WebExchangeBindException invalid) {
            return invalid.getFieldErrors().stream()
                    .map(error -> error.getField() + ": " + error.getDefaultMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch
                    && !mismatch.getPath().isEmpty()) {
                return field(mismatch) + ": " + problem(mismatch);
            }
        }
        return "The request body is missing or is not valid JSON.";
    }

    private static String field(JacksonException failure) {
        return failure.getPath().stream()
                .map(JacksonException.Reference::getPropertyName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("."));
    }

    private static String problem(MismatchedInputException mismatch) {
        Class<?> type = mismatch.getTargetType();
        Object value = mismatch instanceof InvalidFormatException invalid ? invalid.getValue() : null;
        if (type == Duration.class) {
            return (value == null ? "is not a duration" : "'" + value + "' is not a duration")
                    + "; use days, hours or minutes, e.g. P366D, P7D or PT12H";
        }
        if (type != null && type.isEnum()) {
            return (value == null ? "must be" : "'" + value + "' is not") + " one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        return type == null ? "cannot be read" : "must be a " + type.getSimpleName();
    }
}
