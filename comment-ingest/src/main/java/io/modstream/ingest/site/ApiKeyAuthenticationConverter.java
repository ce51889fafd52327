package io.modstream.ingest.site;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns {@code Authorization: Bearer <key>} into an authenticated site, or an error for a key nobody has. A request
 * without the header yields nothing, so it reaches the entry point as anonymous.
 */
final class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

    private static final String BEARER = "Bearer ";

    /** Longer keys are refused before hashing, so a caller cannot make us hash megabytes. */
    private static final int MAX_KEY_LENGTH = 256;

    private final SiteApiKeys keys;

    ApiKeyAuthenticationConverter(SiteApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Mono.empty();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(new BadCredentialsException("Use 'Authorization: Bearer <site API key>'."));
        }
        String key = header.substring(BEARER.length()).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Mono.error(invalidKey());
        }
        // The error is built only for a key nobody has: built eagerly, every accepted comment paid for an exception
        // and its stack trace through the filter chain (docs/benchmarks.md).
        return Mono.justOrEmpty(keys.siteFor(key))
                .<Authentication>map(SiteAuthentication::new)
                .switchIfEmpty(Mono.error(ApiKeyAuthenticationConverter::invalidKey));
    }

    /** The one answer for a key that is malformed or that nobody has: which of the two is not told. */
    private static BadCredentialsException invalidKey() {
        return new BadCredentialsException("The API key is not valid.");
    }
}
