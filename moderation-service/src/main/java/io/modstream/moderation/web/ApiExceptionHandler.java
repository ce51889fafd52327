package io.modstream.moderation.web;

import io.modstream.web.RequestParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Maps every error a caller can cause to an RFC 9457 problem document whose {@code detail} names what is wrong.
 * Spring's base class already answers 404, 405, 406, 415 and the handlers' own {@link Problems} as problem documents;
 * this words their details so that they name the path, method, content type, parameter, field or size limit at fault,
 * where Spring says "Validation failure" or "Failed to read HTTP message".
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** What the codecs read of a body at most; the NDJSON dry run reads its lines itself and is bounded per line. */
    private final long maxBytes;

    ApiExceptionHandler(@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    /** Unknown routes (404), and a body the codecs cut off at the size limit (413, declared or chunked alike). */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(
            ResponseStatusException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof NoResourceFoundException) {
            ex.getBody()
                    .setDetail(
                            "There is no endpoint " + exchange.getRequest().getMethod() + " " + path(exchange) + ".");
        } else if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            ex.getBody().setDetail("The request body is larger than the limit of " + maxBytes + " bytes.");
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMethodNotAllowedException(
            MethodNotAllowedException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String allowed =
                ex.getSupportedMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        ex.getBody()
                .setDetail("Method " + ex.getHttpMethod() + " is not allowed on " + path(exchange) + "; allowed: "
                        + allowed + ".");
        return super.handleMethodNotAllowedException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleUnsupportedMediaTypeStatusException(
            UnsupportedMediaTypeStatusException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        ex.getBody()
                .setDetail("Content-Type '" + ex.getContentType() + "' is not supported on " + path(exchange)
                        + "; send " + joined(ex.getSupportedMediaTypes()) + ".");
        return super.handleUnsupportedMediaTypeStatusException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleNotAcceptableStatusException(
            NotAcceptableStatusException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ex.getBody()
                .setDetail("The Accept header asks for "
                        + exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT) + ", but " + path(exchange)
                        + " answers only " + joined(ex.getSupportedMediaTypes()) + ".");
        return super.handleNotAcceptableStatusException(ex, headers, status, exchange);
    }

    /** A body that is not JSON of the expected shape, or a parameter that is not of its type ({@code size=abc}). */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        MethodParameter parameter = ex.getMethodParameter();
        String detail = parameter == null || parameter.hasParameterAnnotation(RequestBody.class)
                ? UnreadableBody.detail(ex)
                : "The " + RequestParameters.of(parameter).describe() + " is not a valid "
                        + parameter.getParameterType().getSimpleName() + ".";
        return badRequest(detail);
    }

    /** Constraints on query parameters, path variables and headers ({@code size=201}): 400, naming each. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        List<String> problems = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = RequestParameters.of(result.getMethodParameter()).describe();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                problems.add("the " + parameter + " " + error.getDefaultMessage());
            }
        }
        return badRequest("Invalid request: " + String.join("; ", problems) + ".");
    }

    /** Bean-validation failures of a body: 400, naming each invalid field. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return badRequest(UnreadableBody.detail(ex));
    }

    private static Mono<ResponseEntity<Object>> badRequest(String detail) {
        return Mono.just(
                ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail)));
    }

    private static String joined(List<MediaType> types) {
        return types.stream().map(Object::toString).collect(Collectors.joining(" or "));
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
