package io.modstream.ingest.web;

import io.modstream.ingest.IngestProperties;
import io.modstream.web.RequestParameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Maps every error a caller can cause to an RFC 9457 problem document whose {@code detail} names what is wrong. Spring's
 * base class already answers 404, 405, 406, 415 and our own {@code ErrorResponseException}s (with their headers, such
 * as Retry-After) as problem documents; this words their details so that they name the path, method, parameter or
 * header at fault, and adds 413 for an oversized body, 422 naming each invalid field of a body, and 400 naming each
 * invalid query parameter, path variable or header.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final long maxBytes;

    ApiExceptionHandler(IngestProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    /** Unknown routes (404), and a body the codecs cut off at the size limit (413, a body sent without a length). */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(
            ResponseStatusException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof NoResourceFoundException) {
            ex.getBody()
                    .setDetail("There is no endpoint " + exchange.getRequest().getMethod() + " "
                            + exchange.getRequest().getPath().value() + ".");
        } else if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            ex.getBody().setDetail(RequestSizeLimit.tooLarge(maxBytes));
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMethodNotAllowedException(
            MethodNotAllowedException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String allowed =
                ex.getSupportedMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        ex.getBody()
                .setDetail("Method " + ex.getHttpMethod() + " is not allowed on "
                        + exchange.getRequest().getPath().value() + "; allowed: " + allowed + ".");
        return super.handleMethodNotAllowedException(ex, headers, status, exchange);
    }

    /** A body that is not JSON of the expected shape, or a parameter that is not of its type ({@code size=abc}). */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        MethodParameter parameter = ex.getMethodParameter();
        if (parameter == null || parameter.hasParameterAnnotation(RequestBody.class)) {
            return Mono.just(ResponseEntity.badRequest().body(unreadableBody()));
        }
        String detail = "The " + RequestParameters.of(parameter).describe() + " is not a valid "
                + parameter.getParameterType().getSimpleName() + ".";
        return Mono.just(
                ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail)));
    }

    /** The 400 of a request body that is missing or is not a JSON object of the expected shape. */
    static ProblemDetail unreadableBody() {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is missing or is not a JSON object of the expected shape.");
    }

    /** Constraints on query parameters, path variables and headers ({@code size=101}): 400, naming each. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Map<String, String>> errors = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            RequestParameters parameter = RequestParameters.of(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String message = String.valueOf(error.getDefaultMessage());
                errors.add(Map.of("in", parameter.in(), "parameter", parameter.name(), "message", message));
                problems.add("the " + parameter.describe() + " " + message);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Invalid request: " + String.join("; ", problems) + ".");
        problem.setProperty("errors", errors);
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    /** Bean-validation failures of a body: 422, with one entry per invalid field so a client can point at each. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = invalidFields(ex.getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage()))));
        return Mono.just(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem));
    }

    /**
     * The 422 of a body with invalid fields, each error a {@code field} and its {@code message}: sorted by field, and
     * the detail names each field once. The submit endpoint answers its own through {@link ProblemAnswers}.
     */
    static ProblemDetail invalidFields(Stream<Map<String, String>> fieldErrors) {
        List<Map<String, String>> errors = fieldErrors
                .sorted(Comparator.comparing(error -> error.get("field")))
                .toList();
        String fields = String.join(
                ", ",
                errors.stream().map(error -> error.get("field")).distinct().toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, "The comment has invalid fields: " + fields + ".");
        problem.setProperty("errors", errors);
        return problem;
    }
}
