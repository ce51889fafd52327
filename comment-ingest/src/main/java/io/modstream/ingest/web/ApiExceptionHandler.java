package io.modstream.ingest.web;

import io.modstream.ingest.IngestProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Maps every error a caller can cause to an RFC 9457 problem document. Spring's base class already covers 404, 405,
 * 406, 415 and our own {@code ErrorResponseException}s (with their headers, such as Retry-After); this adds 413 for oversized bodies, 422 naming each invalid field, and a plainer 400 for bodies that
 * are not JSON.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final long maxBytes;

    ApiExceptionHandler(IngestProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(DataBufferLimitException ignored) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONTENT_TOO_LARGE, RequestSizeLimit.tooLarge(maxBytes)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (hasCause(ex, DataBufferLimitException.class)) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONTENT_TOO_LARGE, RequestSizeLimit.tooLarge(maxBytes))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is missing or is not a JSON object of the expected shape.");
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    /** Bean-validation failures: 422, with one entry per invalid field so a client can point at each. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> Map.of(
                        "field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, "The comment has invalid fields: " + fieldNames(errors) + ".");
        problem.setProperty("errors", errors);
        return Mono.just(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem));
    }

    private static String fieldNames(List<Map<String, String>> errors) {
        return String.join(
                ", ", errors.stream().map(e -> e.get("field")).distinct().toList());
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
