package io.modstream.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Names a controller method's parameter as the caller sent it, so an error can say which query parameter, path
 * variable or header is wrong: the header {@code Last-Event-ID}, not the Java parameter {@code lastEventId}. Both
 * services' exception handlers use it.
 *
 * @param in where it comes from: {@code query}, {@code path}, {@code header}, or {@code request} for anything else
 * @param name its name there
 */
public record RequestParameters(String in, String name) {

    public static RequestParameters of(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            return new RequestParameters("query", declared(query.name(), parameter));
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return new RequestParameters("path", declared(path.name(), parameter));
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return new RequestParameters("header", declared(header.name(), parameter));
        }
        return new RequestParameters("request", declared("", parameter));
    }

    /** As a detail reads it: {@code query parameter 'size'}. */
    public String describe() {
        String kind = switch (in) {
            case "query" -> "query parameter";
            case "path" -> "path variable";
            case "header" -> "header";
            default -> "parameter";
        };
        return kind + " '" + name + "'";
    }

    private static String declared(String name, MethodParameter parameter) {
        return name.isEmpty() ? String.valueOf(parameter.getParameterName()) : name;
    }
}
