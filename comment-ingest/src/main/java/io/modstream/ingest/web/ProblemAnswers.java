package io.modstream.ingest.web;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a functional endpoint's errors exactly as {@link ApiExceptionHandler} answers an annotated controller's:
 * the same status, headers and problem document, with the request's path as its {@code instance} (which the
 * annotated path gets from Spring's result handler). Errors it does not know are left to the server's default.
 */
@Component
public class ProblemAnswers {

    private final ApiExceptionHandler handler;

    ProblemAnswers(ApiExceptionHandler handler) {
        this.handler = handler;
    }

    /**
     * The answer to {@code error}. Like an error the annotated path's advice answers, it is not recorded as the
     * request's observation error (only an error that reaches the server is).
     */
    public Mono<ServerResponse> answer(ServerRequest request, Throwable error) {
        if (!(error instanceof Exception exception)) {
            return Mono.error(error);
        }
        ServerWebExchange exchange = request.exchange();
        return handler.handleException(exception, exchange).flatMap(entity -> toResponse(entity, exchange));
    }

    /** Answers {@code problem}, with its status. */
    public Mono<ServerResponse> problem(ServerRequest request, ProblemDetail problem) {
        return toResponse(ResponseEntity.status(problem.getStatus()).body(problem), request.exchange());
    }

    /** 422 naming each invalid field (each error a {@code field} and its {@code message}), as for an annotated body. */
    public static ProblemDetail invalidFieldsProblem(Stream<Map<String, String>> fieldErrors) {
        return ApiExceptionHandler.invalidFields(fieldErrors);
    }

    /**
     * The 400 of a body that is missing or is not a JSON object of the expected shape, worded as
     * {@link ApiExceptionHandler} words it for any request body.
     */
    public static ProblemDetail unreadableBodyProblem() {
        return ApiExceptionHandler.unreadableBody();
    }

    private static Mono<ServerResponse> toResponse(ResponseEntity<?> entity, ServerWebExchange exchange) {
        ServerResponse.BodyBuilder response =
                ServerResponse.status(entity.getStatusCode()).headers(headers -> headers.addAll(entity.getHeaders()));
        Object body = entity.getBody();
        if (body == null) {
            return response.build();
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            }
            response.contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return response.bodyValue(body);
    }
}
