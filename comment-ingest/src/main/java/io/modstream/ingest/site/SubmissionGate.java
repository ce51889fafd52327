package io.modstream.ingest.site;

import io.modstream.ingest.observability.IngestMetrics;
import io.modstream.ingest.quota.SiteQuotas;
import io.modstream.ingest.web.ProblemResponses;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code POST /api/v1/comments} and spends the site's comment quota, in one step instead of Spring
 * Security's filter chain, which this one route does not pass through ({@link #OTHER_REQUESTS}).
 *
 * <p>Why: the chain's reactive plumbing (a context filter, the authentication filter, exception translation,
 * authorisation, each a few Reactor operators deep) cost about 65 µs per request on the benchmark machine, as much as
 * the whole bare app that is the yardstick of issue 12 (docs/benchmarks.md). Submissions are the one route taken
 * thousands of times a second; everything else keeps the full chain.
 *
 * <p>What stays Spring Security's on this route: its URL firewall (Spring Security's web filter runs first, for every
 * request, and applies it before deciding that no chain matches) and its response headers (the chain's own header
 * filter is called here). What is done here: the key, checked by the same code and answered with the same 401 as on
 * every other route ({@link ApiKeyAuthenticationConverter#siteOf}); every site's key may submit, so there is no
 * authorisation rule to apply beyond it; then the quota, before the body is read or parsed, so that a flood is turned
 * away at the price of a key lookup. The site goes to the handler as the exchange attribute {@link #SITE}.
 *
 * <p>Most submissions never reach this filter: {@code SubmissionLane} serves every plainly well-formed one on Reactor
 * Netty, ahead of Spring's web stack, with the same key check and quota. What it hands over (an unknown key, a spent
 * quota, another spelling of the path, a chunked body, and so on) comes here as before.
 *
 * <p>The route is recognised by one method, {@link #isSubmission}, which also decides which requests the security
 * chain takes, so a request is handled by exactly one of the two.
 *
 * <p>A consequence of spending the quota first is that every submission costs its token, an idempotent retry of an
 * accepted comment too: telling it apart would need the body read and hashed first. Refusals are counted
 * ({@code modstream.ingest.refused{site, reason=quota}}), not logged one by one: a refused flood would otherwise be a
 * flood of log lines.
 */
@Component
@Order(SubmissionGate.ORDER)
public class SubmissionGate implements WebFilter {

    /**
     * Right after Spring Security's web filter, whose order is -100 ({@code WebFluxSecurityConfiguration}, not
     * public): the URL firewall has run, and nothing else has. {@code SubmissionGateTest} checks the order.
     */
    static final int ORDER = -99;

    /** The submissions' route ({@code SubmitRoutes} maps this constant), so the gate and the route cannot drift apart. */
    public static final String PATH = "/api/v1/comments";

    /**
     * Matched as the route matches it (a path pattern, on the decoded segments), so that every spelling of the path
     * that reaches the submit handler, {@code /api/v1/%63omments} too, passes through here and nowhere else.
     */
    private static final PathPattern SUBMISSIONS = PathPatternParser.defaultInstance.parse(PATH);

    /** The exchange attribute holding the authenticated site's id, on a submission the gate let through. */
    public static final String SITE = SubmissionGate.class.getName() + ".site";

    /** Every request but a submission: the requests Spring Security's chain takes. */
    static final ServerWebExchangeMatcher OTHER_REQUESTS = exchange -> isSubmission(exchange)
            ? ServerWebExchangeMatcher.MatchResult.notMatch()
            : ServerWebExchangeMatcher.MatchResult.match();

    private final SiteApiKeys keys;
    private final SiteQuotas quotas;
    private final ProblemResponses problems;
    private final IngestMetrics metrics;
    private final WebFilter securityHeaders;

    SubmissionGate(
            SiteApiKeys keys,
            SiteQuotas quotas,
            ProblemResponses problems,
            IngestMetrics metrics,
            SecurityWebFilterChain apiSecurity) {
        this.keys = keys;
        this.quotas = quotas;
        this.problems = problems;
        this.metrics = metrics;
        this.securityHeaders = Optional.ofNullable(apiSecurity
                        .getWebFilters()
                        .ofType(HttpHeaderWriterWebFilter.class)
                        .blockFirst())
                .orElseThrow(() -> new IllegalStateException("The security chain writes no response headers"));
    }

    /** {@code POST /api/v1/comments}, however the path is spelt. */
    static boolean isSubmission(ServerWebExchange exchange) {
        return HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && SUBMISSIONS.matches(exchange.getRequest().getPath().pathWithinApplication());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isSubmission(exchange)) {
            return chain.filter(exchange);
        }
        // The headers go on every answer, a 401 or 429 too, as the chain writes them on its own.
        return securityHeaders.filter(exchange, admitted -> admit(admitted, chain));
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain) {
        String siteId;
        try {
            siteId = ApiKeyAuthenticationConverter.siteOf(
                            exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION), keys)
                    .orElse(null);
        } catch (BadCredentialsException e) {
            return ApiSecurityConfig.unauthorized(problems, exchange, e);
        }
        if (siteId == null) {
            return ApiSecurityConfig.unauthorized(problems, exchange, null);
        }
        SiteQuotas.Admission admission = quotas.tryTake(siteId);
        if (!admission.admitted()) {
            return refuse(siteId, admission, exchange);
        }
        exchange.getAttributes().put(SITE, siteId);
        return chain.filter(exchange);
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

    /** The site the gate admitted this submission for. */
    public static String siteOf(ServerWebExchange exchange) {
        @Nullable String siteId = exchange.getAttribute(SITE);
        if (siteId == null) {
            throw new IllegalStateException("A submission reached the handler without passing the gate");
        }
        return siteId;
    }
}
