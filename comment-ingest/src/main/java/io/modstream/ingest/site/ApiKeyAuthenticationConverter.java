package io.modstream.ingest.site;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

    private final SiteApiKeys keys;

    ApiKeyAuthenticationConverter(SiteApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.defer(() -> Mono.justOrEmpty(
                        siteOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION), keys)))
                .map(SiteAuthentication::new);
    }

    /**
     * The site an {@code Authorization} header authenticates: empty without the header, a
     * {@link BadCredentialsException} saying what is wrong for any other header that does not carry a site's key.
     * Shared with {@link SubmissionGate}, so both paths refuse with the same words.
     */
    static Optional<String> siteOf(@Nullable String header, SiteApiKeys keys) {
        if (header == null) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, SiteApiKeys.BEARER, 0, SiteApiKeys.BEARER.length())) {
            throw new BadCredentialsException("Use 'Authorization: Bearer <site API key>'.");
        }
        String key = header.substring(SiteApiKeys.BEARER.length()).trim();
        if (key.isEmpty() || key.length() > SiteApiKeys.MAX_KEY_LENGTH) {
            throw invalidKey();
        }
        return Optional.of(keys.siteFor(key).orElseThrow(ApiKeyAuthenticationConverter::invalidKey));
    }

    /** The one answer for a key that is malformed or that nobody has: which of the two is not told. */
    private static BadCredentialsException invalidKey() {
        return new BadCredentialsException("The API key is not valid.");
    }
}
