package io.modstream.moderation.web;

import io.modstream.web.RetryAfter;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 errors raised by request handlers. */
public final class Problems {

    private Problems() {}

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /**
     * 429 with {@code Retry-After} in whole seconds, at least 1: a client that waits that long is not refused again
     * for the same reason (0 would invite a busy loop, and fractions are not allowed by RFC 9110).
     */
    public static ErrorResponseException tooManyRequests(String detail, Duration retryAfter) {
        ErrorResponseException problem = of(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RetryAfter.seconds(retryAfter)));
        return problem;
    }
}
