package io.modstream.ingest.quota;

import io.modstream.ingest.observability.IngestMetrics;
import io.modstream.ingest.site.SiteAuthentication;
import io.modstream.ingest.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spends the calling site's quota on {@code POST /api/v1/comments}, or answers 429 with {@code Retry-After}.
 *
 * <p>It sits in the security chain right after authorisation: the site is known, and nothing that costs has run yet
 * (the body is neither read nor parsed, no {@code Idempotency-Key} is looked up, nothing is sent to Kafka), so a
 * flood is turned away at the price of a key lookup. A consequence is that every submission costs its token, an
 * idempotent retry of an accepted comment too: telling it apart would need the body read and hashed first. Reads
 * (status, thread pages, streams) and the webhook API spend nothing: they publish nothing into the shared pipeline
 * (docs/limits.md).
 *
 * <p>Refusals are counted ({@code modstream.ingest.refused{site, reason=quota}}), not logged one by one: a refused
 * flood would otherwise be a flood of log lines.
 */
public class SiteQuotaFilter implements WebFilter {

    private static final ServerWebExchangeMatcher SUBMISSIONS =
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/comments");

    private final SiteQuotas quotas;
    private final ProblemResponses problems;
    private final IngestMetrics metrics;

    public SiteQuotaFilter(SiteQuotas quotas, ProblemResponses problems, IngestMetrics metrics) {
        this.quotas = quotas;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return SUBMISSIONS
                .matches(exchange)
                .flatMap(match -> match.isMatch() ? spend(exchange, chain) : chain.filter(exchange));
    }

    private Mono<Void> spend(ServerWebExchange exchange, WebFilterChain chain) {
        return site().flatMap(siteId -> {
            SiteQuotas.Admission admission = quotas.tryTake(siteId);
            return admission.admitted() ? chain.filter(exchange) : refuse(siteId, admission, exchange);
        });
    }

    /** The authenticated site; authorisation, which runs first, lets nothing else through. */
    private static Mono<String> site() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(SiteAuthentication.class)
                .map(SiteAuthentication::getPrincipal)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("A comment reached the quota with no site")));
    }

    private Mono<Void> refuse(String siteId, SiteQuotas.Admission admission, ServerWebExchange exchange) {
        metrics.refused(siteId, "quota");
        long seconds = admission.retryAfterSeconds();
        SiteQuotas.Limit limit = quotas.limitOf(siteId);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String detail = "This site is over its quota of " + limit.perSecond() + " comments a second (bursts of up to "
                + limit.burst() + "); the comment was not accepted. Retry after " + seconds + " s.";
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, detail);
    }
}
