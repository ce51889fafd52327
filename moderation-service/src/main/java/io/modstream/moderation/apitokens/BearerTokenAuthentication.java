package io.modstream.moderation.apitokens;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code Authorization: Bearer <token>} with an API token. The token acts as its owner with the roles
 * and sites configured for them now, so a changed or removed user changes or ends what their tokens may do. Nothing
 * is stored in a session: the header is checked on every request, which costs one SHA-256.
 */
@Component
public class BearerTokenAuthentication {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final ReactiveUserDetailsService users;

    BearerTokenAuthentication(ApiTokens tokens, ReactiveUserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** The filter for a security chain; a token that is not known answers through {@code refused}. */
    public AuthenticationWebFilter filter(ServerAuthenticationEntryPoint refused) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager());
        filter.setServerAuthenticationConverter(converter());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(refused));
        return filter;
    }

    private static ServerAuthenticationConverter converter() {
        return exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? Mono.just(ApiTokenAuthentication.presented(
                            header.substring(BEARER.length()).trim()))
                    : Mono.empty();
        };
    }

    private ReactiveAuthenticationManager manager() {
        return presented -> Mono.justOrEmpty(tokens.match(String.valueOf(presented.getCredentials())))
                .flatMap(token ->
                        users.findByUsername(token.username()).map(user -> ApiTokenAuthentication.of(user, token.id())))
                .cast(Authentication.class)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or revoked API token")));
    }
}
