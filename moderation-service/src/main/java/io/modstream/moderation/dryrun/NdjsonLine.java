package io.modstream.moderation.dryrun;

import jakarta.validation.Validator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of an NDJSON dry run, read on its own: the comment it holds, or what is wrong with it. A bad line never
 * ends the stream; it is answered with an error that names the line and, where there is one, the field.
 *
 * @param number the line's number in the request, from 1, blank lines included
 * @param request the comment, or null when the line is not a valid one
 * @param id the line's {@code id}, when it has a string one, even on a bad line
 * @param error what is wrong, or null
 */
record NdjsonLine(
        long number,
        @Nullable DryRunRequest request,
        @Nullable String id,
        @Nullable String error) {

    static NdjsonLine read(long number, String text, JsonMapper json, Validator validator) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at column " + e.getLocation().getColumnNr();
            return invalid(number, null, "not valid JSON" + where);
        }
        if (!tree.isObject()) {
            return invalid(number, null, "not a JSON object");
        }
        JsonNode idNode = tree.get("id");
        String id = idNode != null && idNode.isString() && idNode.asString().length() <= 200 ? idNode.asString() : null;
        DryRunRequest request;
        try {
            request = json.treeToValue(tree, DryRunRequest.class);
        } catch (DatabindException e) {
            return invalid(number, id, field(e) + " " + expected(e));
        }
        String invalid = validator.validate(request).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining(", "));
        if (!invalid.isEmpty()) {
            return invalid(number, id, invalid);
        }
        return new NdjsonLine(number, request, id, null);
    }

    private static NdjsonLine invalid(long number, @Nullable String id, String problem) {
        return new NdjsonLine(number, null, id, "line " + number + ": " + problem);
    }

    /** The field's path, {@code body} or {@code author.name}; {@code the comment} when the problem is the whole. */
    private static String field(DatabindException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : Integer.toString(reference.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the comment" : path;
    }

    private static String expected(DatabindException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (CharSequence.class.isAssignableFrom(type)) {
                return "must be a string";
            }
            if (type.isRecord()) {
                return "must be an object";
            }
        }
        return "has the wrong type";
    }
}
