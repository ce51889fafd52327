package io.modstream.moderation.limits;

import io.modstream.moderation.web.Problems;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charges every state-changing API call ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /api/}) to its caller's allowance in {@link StaffRates}, and answers 429 when it is spent, before the body is
 * read or any handler runs: a refused decision is never published. One filter rather than a check per controller, so
 * that an endpoint added later is covered too.
 *
 * <p>It runs after Spring Security (both chains, Basic, API tokens and the console's session alike), so the caller is
 * known; a call without a user was answered 401 before it got here. Reads are not charged: the console polls the
 * queue, and a read changes nothing. Each call costs one, whatever it answers (a 404 or 422 costs the same as a
 * success, so a script that only gets errors is slowed down too); a bulk decision is charged the rest of its comments
 * by its handler.
 */
@Component
class StaffRateFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> CHANGES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final StaffRates rates;
    private final JsonMapper json;

    StaffRateFilter(StaffRates rates, JsonMapper json) {
        this.rates = rates;
        this.json = json;
    }

    /**
     * Just after Spring Security's filter chain (its {@code WebFilterChainProxy} is at -100), which makes the signed-in
     * user the exchange's principal.
     */
    static final int ORDER = -99;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CHANGES.contains(request.getMethod())
                || !request.getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(user -> rates.take(user, 1))
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : refuse(exchange, wait));
    }

    /** The same problem document a handler's {@link Problems#tooManyRequests} gives, written here. */
    private Mono<Void> refuse(ServerWebExchange exchange, Duration wait) {
        ErrorResponseException refused = Problems.tooManyRequests(rates.refusal(), wait);
        ProblemDetail problem = refused.getBody();
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(refused.getStatusCode());
        response.getHeaders().addAll(refused.getHeaders());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
