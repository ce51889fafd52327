package io.modstream.ingest.webhook;

import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.observability.InTrace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/v1/webhook}: the calling site's own webhook. The site is the one its API key belongs to; no path or
 * body names a site, so a site can neither see nor change another's webhook. The secret is answered once, by the
 * {@code PUT} that creates it, and never again.
 */
@RestController
@RequestMapping("/api/v1/webhook")
@WebhooksEnabled
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookRegistrations registrations;
    private final WebhookSigner signer;
    private final CallbackUrls urls;
    private final DeadLetterReplay replay;
    private final Duration publishTimeout;
    private final Duration retryAfter;
    private final Clock clock = Clock.systemUTC();

    WebhookController(
            WebhookRegistrations registrations,
            WebhookSigner signer,
            CallbackUrls urls,
            DeadLetterReplay replay,
            IngestProperties properties) {
        this.registrations = registrations;
        this.signer = signer;
        this.urls = urls;
        this.replay = replay;
        this.publishTimeout = properties.publishTimeout();
        this.retryAfter = properties.retryAfter();
    }

    /** The body of a {@code PUT}. */
    record RegisterRequest(@Nullable String url) {}

    /** The answer to a {@code PUT}: the only time the secret is shown. */
    record Registered(String url, String secret, Instant registeredAt) {}

    /** The answer to a {@code GET}: never the secret. */
    record Registration(String url, Instant registeredAt) {}

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Registered> register(@AuthenticationPrincipal String siteId, @RequestBody RegisterRequest request) {
        String problem = urls.problem(request.url());
        if (problem != null) {
            return Mono.error(invalidUrl(problem));
        }
        String url = request.url();
        // send() can block (metadata, the cluster id for tracing), so never on the event loop.
        return InTrace.call(() -> registrations.register(siteId, url, clock.instant()))
                .flatMap(Mono::fromFuture)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(publishTimeout)
                .transform(InTrace.onError(e -> {
                    if (!(e instanceof ErrorResponseException)) {
                        logUnconfirmed(siteId, e);
                    }
                }))
                .onErrorMap(e -> !(e instanceof ErrorResponseException), e -> brokerUnavailable())
                .map(registered -> new Registered(
                        registered.url(),
                        signer.secret(registered.siteId(), registered.registrationId()),
                        registered.registeredAt()));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Registration> get(@AuthenticationPrincipal String siteId) {
        WebhookRegistration registration = registrations.get(siteId);
        if (registration == null) {
            return Mono.error(new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This site has no webhook."),
                    null));
        }
        return Mono.just(new Registration(registration.url(), registration.registeredAt()));
    }

    @DeleteMapping
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal String siteId) {
        return InTrace.call(() -> registrations.delete(siteId))
                .flatMap(Mono::fromFuture)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(publishTimeout)
                .transform(InTrace.onError(e -> logUnconfirmed(siteId, e)))
                .onErrorMap(e -> brokerUnavailable())
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping(path = "/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Integer>> replay(@AuthenticationPrincipal String siteId) {
        return InTrace.call(() -> replay.replay(siteId))
                .subscribeOn(Schedulers.boundedElastic())
                .transform(InTrace.onError(e -> logUnconfirmed(siteId, e)))
                .onErrorMap(e -> brokerUnavailable())
                .map(count -> Map.of("replayed", count));
    }

    private static ErrorResponseException invalidUrl(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, "The webhook has invalid fields: url.");
        problem.setProperty("errors", List.of(Map.of("field", "url", "message", message)));
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    private static void logUnconfirmed(String siteId, Throwable cause) {
        log.warn("Webhook change or replay for site {} not confirmed by Kafka: {}", siteId, cause.toString());
    }

    private ErrorResponseException brokerUnavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The message broker did not confirm the change in time. Retry later.");
        ErrorResponseException error = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        error.getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        return error;
    }
}
