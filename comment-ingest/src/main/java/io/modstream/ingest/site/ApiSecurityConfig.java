package io.modstream.ingest.site;

import io.modstream.ingest.web.ProblemResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Site backends authenticate every request with their API key; there are no sessions, cookies or forms, so CSRF
 * protection has nothing to protect. Health stays open for load balancers; everything else needs a site. Submissions
 * are authenticated, and spend the site's quota, in {@link SubmissionGate} instead of this chain.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    /**
     * No observation of each security filter, authentication and authorisation. Each request is still observed whole
     * ({@code http.server.requests}: its timer and its trace span); wrapping every filter of the chain in an
     * observation of its own cost more CPU per comment than the Kafka send (docs/benchmarks.md, issue 12) and only
     * added spans nobody reads.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, SiteApiKeys keys, ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, cause) -> unauthorized(problems, exchange, cause);

        // The authentication manager has nothing left to do: the converter already resolved the site.
        ReactiveAuthenticationManager alreadyResolved = Mono::just;
        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(alreadyResolved);
        apiKeyFilter.setServerAuthenticationConverter(new ApiKeyAuthenticationConverter(keys));
        apiKeyFilter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        // Submissions are authenticated by SubmissionGate, outside this chain (its javadoc says why).
        return http.securityMatcher(SubmissionGate.OTHER_REQUESTS)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Nothing to come back to after a login: no request cache, and not even its filter in the chain.
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        // The API first: the rules are tried in order, and every request would otherwise be matched
                        // against each open path below first (a dozen patterns, and a debug message formatted for each
                        // even with debug logging off, docs/benchmarks.md).
                        .pathMatchers("/api/**")
                        .hasRole("SITE")
                        // Read-only; in production keep the actuator paths to the internal network.
                        .pathMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        // The API's description and its UI: they describe, they reveal no data.
                        .pathMatchers(
                                HttpMethod.GET,
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/webjars/swagger-ui/**")
                        .permitAll()
                        // The demo site (local profile only): its own small backend holds the key, not the browser.
                        .pathMatchers("/demo", "/demo/**")
                        .permitAll()
                        .anyExchange()
                        .hasRole("SITE"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((exchange, denied) ->
                                problems.write(exchange, HttpStatus.FORBIDDEN, "This key may not do that.")))
                .build();
    }

    /**
     * The 401 for a request without a valid site key, on every route: {@code WWW-Authenticate: Bearer} and a problem
     * document saying what was wrong with the key, or how to send one.
     */
    static Mono<Void> unauthorized(
            ProblemResponses problems, ServerWebExchange exchange, @Nullable AuthenticationException cause) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        String detail = cause instanceof BadCredentialsException
                ? cause.getMessage()
                : "Send the site's API key as 'Authorization: Bearer <key>'.";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }
}
