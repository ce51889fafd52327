package io.modstream.ingest.demo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo site's client of the ingest API: the same HTTP calls, with the same {@code Authorization: Bearer} key, that
 * any site's backend makes. The key is set here once and never leaves this class.
 */
@Component
@Profile("local")
class IngestClient {

    /** The one thread of the demo site: its article. */
    static final String THREAD_ID = "space-station";

    static final String THREAD_TITLE = "Old rivals, one orbit";

    // Above ingest's own publish timeout (5 s), so its 503 arrives before we give up.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
            new ParameterizedTypeReference<>() {};

    private final WebClient client;

    IngestClient(DemoProperties properties) {
        this.client = WebClient.builder()
                .baseUrl(properties.apiUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.siteKey())
                .build();
    }

    /**
     * An answer of the ingest API as it came, so that its problem documents reach the browser unchanged.
     *
     * @param status the status code
     * @param contentType the body's type, if any
     * @param body the body, empty if none
     */
    record Answer(HttpStatusCode status, @Nullable MediaType contentType, String body) {

        ResponseEntity<String> toResponse() {
            ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
            if (contentType != null) {
                response.contentType(contentType);
            }
            return response.body(body);
        }
    }

    Mono<Answer> submit(String authorId, String authorName, String body) {
        Map<String, Object> comment = Map.of(
                "threadId", THREAD_ID,
                "threadTitle", THREAD_TITLE,
                "author", Map.of("id", authorId, "name", authorName),
                "body", body);
        return relay(client.post()
                .uri("/api/v1/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(comment));
    }

    Mono<Answer> status(String commentId) {
        return relay(client.get().uri("/api/v1/comments/{id}", commentId));
    }

    Mono<Answer> approved(int size) {
        return relay(client.get().uri("/api/v1/threads/{thread}/comments?size={size}", THREAD_ID, size));
    }

    /** The thread's live stream, events and heartbeats alike, from after {@code lastEventId} if given. */
    Flux<ServerSentEvent<String>> stream(@Nullable String lastEventId) {
        return client.get()
                .uri("/api/v1/threads/{thread}/stream", THREAD_ID)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve()
                .bodyToFlux(EVENTS);
    }

    private static Mono<Answer> relay(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Answer(
                                response.statusCode(),
                                response.headers().contentType().orElse(null),
                                body)))
                .timeout(TIMEOUT)
                .onErrorMap(
                        error -> error instanceof WebClientRequestException || error instanceof TimeoutException,
                        IngestClient::unavailable);
    }

    private static ErrorResponseException unavailable(Throwable cause) {
        return new ErrorResponseException(
                HttpStatus.BAD_GATEWAY,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_GATEWAY, "The comment service did not answer. Please try again."),
                cause);
    }
}
