package io.modstream.moderation.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.access.throttle.SignInProperties;
import io.modstream.moderation.access.throttle.SignInThrottle;
import io.modstream.moderation.apitokens.BearerTokenAuthentication;
import io.modstream.web.FirewallRefusals;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Three ways in, one set of users ({@link StaffDirectory}), two security chains chosen by whether
 * the request carries an {@code Authorization} header:
 *
 * <ul>
 *   <li><b>Scripts and tools</b> send HTTP Basic or an API token ({@code Authorization: Bearer}, see
 *       {@link BearerTokenAuthentication}) on every request. Their chain is stateless: no session, no CSRF cookie, so
 *       there is no cookie a browser could be tricked into sending, and the header is checked on every request.
 *   <li><b>The console</b> ({@code /console/}) signs in with a form at {@code POST /login} and holds a session cookie
 *       (HttpOnly, SameSite=Strict, Secure: see {@code server.reactive.session.cookie} in application.yml). Every
 *       state-changing request that rides on the session must carry the CSRF token: the console reads it from the
 *       {@code XSRF-TOKEN} cookie and sends it as {@code X-XSRF-TOKEN}.
 * </ul>
 *
 * <p>A request with an {@code Authorization} header is checked by that header alone, even if it also carries a
 * session cookie, and needs no CSRF token: every state-changing endpoint takes only {@code application/json}, which a
 * cross-site form cannot send and a cross-site script cannot send without a CORS preflight this service never grants.
 *
 * <p>Health stays open for load balancers, and the API's description ({@code /v3/api-docs}) for tools; Swagger UI
 * ({@code /swagger-ui.html}) needs a signed-in user. The operator page ({@code /ops/}) and its API
 * ({@code /api/v1/ops/**}) need the {@code OPERATOR} role. Every other endpoint needs a signed-in user; which site they
 * may touch is checked by {@link SiteAccess}. An unauthenticated API call gets 401 as problem+json; an unauthenticated
 * page load in a browser is sent to the sign-in page.
 *
 * <p>Passwords (the form and Basic, not API tokens) are checked behind {@link SignInThrottle}: repeated failures per
 * user name and per client address slow down and then lock out, with the same answer as a wrong password.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class StaffSecurityConfig {

    static final String CONSOLE = "/console/";
    static final String SIGN_IN_PAGE = "/console/login.html";

    /** WebFlux's session cookie; {@code server.reactive.session.cookie.name} must not change it. */
    static final String SESSION_COOKIE = "SESSION";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final String SIGN_IN_FIRST = "Sign in first: send a username and password (HTTP Basic) or an API"
            + " token ('Bearer <token>') in the Authorization header.";

    /** Sent by the console's own requests, so a 401 does not make the browser show its Basic sign-in box. */
    static final String CONSOLE_HEADER = "X-Modstream-Console";

    /** Pages a browser opens: without a session it is sent to the sign-in form rather than answered 401. */
    private static final ServerWebExchangeMatcher PAGES = ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.GET,
            "/console/**",
            "/ops",
            "/ops/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/webjars/swagger-ui/**");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Slows down and then locks out repeated password failures per user name and per client address (docs/limits.md).
     * Uses a {@link Clock} bean if there is one (tests move time on), the system clock otherwise.
     */
    @Bean
    SignInThrottle signInThrottle(
            SignInProperties properties,
            StaffDirectory directory,
            MeterRegistry registry,
            ObjectProvider<Clock> clock) {
        return new SignInThrottle(properties, directory::knows, registry, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The password check both the form and HTTP Basic use, behind the throttle. */
    private static ReactiveAuthenticationManager passwords(
            StaffDirectory directory, PasswordEncoder encoder, SignInThrottle throttle) {
        UserDetailsRepositoryReactiveAuthenticationManager check =
                new UserDetailsRepositoryReactiveAuthenticationManager(directory);
        check.setPasswordEncoder(encoder);
        return throttle.around(check);
    }

    /**
     * Requests that carry their own credentials. Ordered first: whatever else such a request carries (a session
     * cookie, say), the header decides, and nothing is remembered after the answer.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain scriptSecurity(
            ServerHttpSecurity http,
            JsonMapper json,
            BearerTokenAuthentication bearerTokens,
            StaffDirectory directory,
            PasswordEncoder encoder,
            SignInThrottle throttle) {
        ProblemWriter problems = new ProblemWriter(json);
        ServerAuthenticationEntryPoint signInFirst = (exchange, e) -> problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                e instanceof BadCredentialsException
                        ? "The username or password in the Authorization header is wrong."
                        : SIGN_IN_FIRST);
        ServerAuthenticationEntryPoint unknownToken = (exchange, e) -> problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "The bearer token in the Authorization header is not a known API token (revoked, or mistyped).");
        NoOpServerSecurityContextRepository nothingKept = NoOpServerSecurityContextRepository.getInstance();
        return http.securityMatcher(StaffSecurityConfig::carriesAuthorization)
                .securityContextRepository(nothingKept)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .addFilterBefore(throttle.clientAddressFilter(), SecurityWebFiltersOrder.HTTP_BASIC)
                .httpBasic(basic -> basic.securityContextRepository(nothingKept)
                        .authenticationManager(passwords(directory, encoder, throttle))
                        .authenticationEntryPoint(signInFirst))
                .addFilterAt(bearerTokens.filter(unknownToken), SecurityWebFiltersOrder.HTTP_BASIC)
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(signInFirst).accessDeniedHandler(problems::forbidden))
                .authorizeExchange(StaffSecurityConfig::rules)
                .build();
    }

    /** Browsers: the console's form sign-in, its session and CSRF token. */
    @Bean
    @Order(2)
    SecurityWebFilterChain consoleSecurity(
            ServerHttpSecurity http,
            JsonMapper json,
            StaffDirectory directory,
            PasswordEncoder encoder,
            SignInThrottle throttle) {
        ProblemWriter problems = new ProblemWriter(json);
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").secure(true));
        // Pages send a browser without a session to the sign-in form; the entry point remembers the page in the
        // session, and the success handler returns there (to the console when nothing was remembered).
        RedirectServerAuthenticationEntryPoint toSignIn = new RedirectServerAuthenticationEntryPoint(SIGN_IN_PAGE);
        return http.securityContextRepository(new WebSessionServerSecurityContextRepository())
                // The console loads only its own files: no inline script, nothing from elsewhere, never in a frame.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The token as the cookie holds it (the console is script, not a server-rendered form).
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, e) -> problems.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "A request that rides on the console's session needs the CSRF token: send the value"
                                        + " of the XSRF-TOKEN cookie as the X-XSRF-TOKEN header."))
                        .requireCsrfProtectionMatcher(StaffSecurityConfig::needsCsrfToken))
                .addFilterBefore(throttle.clientAddressFilter(), SecurityWebFiltersOrder.FORM_LOGIN)
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE)
                        .authenticationManager(passwords(directory, encoder, throttle))
                        .requiresAuthenticationMatcher(
                                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"))
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(CONSOLE))
                        .authenticationFailureHandler(
                                new RedirectServerAuthenticationFailureHandler(SIGN_IN_PAGE + "?error"))
                        .authenticationEntryPoint(toSignIn))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut()))
                // Basic belongs to the other chain; here it would only make a session of a password.
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, e) -> PAGES.matches(
                                        exchange)
                                .flatMap(page -> page.isMatch()
                                        ? toSignIn.commence(exchange, e)
                                        : problems.write(exchange, HttpStatus.UNAUTHORIZED, SIGN_IN_FIRST)))
                        .accessDeniedHandler(problems::forbidden))
                .authorizeExchange(StaffSecurityConfig::rules)
                .build();
    }

    /** What each path needs; the same for both chains. */
    private static void rules(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges
                // Read-only; in production keep the actuator paths to the internal network.
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .pathMatchers(
                        HttpMethod.GET, SIGN_IN_PAGE, "/console/console.css", "/console/login.js", "/common/dom.js")
                .permitAll()
                // The API's description (OpenAPI 3); it describes, it does not reveal data. Swagger UI, which makes
                // calls, is for signed-in staff (below).
                .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                .permitAll()
                // Reads one instance forwards to another; the shared cluster token is checked there.
                .pathMatchers(HttpMethod.GET, "/internal/v1/**")
                .permitAll()
                // The operator page and its API: the whole broker, not one site, so a role check suffices.
                .pathMatchers("/ops", "/ops/**", "/api/v1/ops/**")
                .hasRole(Role.OPERATOR.name())
                .anyExchange()
                .authenticated();
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> carriesAuthorization(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /**
     * Unsafe methods need the token when they could ride on a browser's ambient credentials: a session cookie, or
     * the sign-in form itself (against login CSRF). A request without either has nothing to forge and is left to
     * authentication, which answers 401. (Requests with an {@code Authorization} header never reach this chain.)
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfToken(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        boolean safe = method == HttpMethod.GET
                || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
        boolean ambient = request.getCookies().containsKey(SESSION_COOKIE)
                || request.getPath().pathWithinApplication().value().equals("/login");
        return safe || !ambient
                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatcher.MatchResult.match();
    }

    private static RedirectServerLogoutSuccessHandler signedOut() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(SIGN_IN_PAGE + "?signed-out"));
        return handler;
    }

    /**
     * Makes every response carry the CSRF cookie: the token is created lazily, only when something asks for it, and
     * the console's script must be able to read it before its first POST.
     */
    @Bean
    WebFilter csrfCookieOnEveryResponse() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    /** {@code /console} and {@code /console/} serve the console's page (static resources do not map folders). */
    @Bean
    RouterFunction<ServerResponse> consolePage() {
        ClassPathResource page = new ClassPathResource("static/console/index.html");
        return RouterFunctions.route()
                .GET(
                        "/console",
                        request -> ServerResponse.permanentRedirect(URI.create(CONSOLE))
                                .build())
                .GET(
                        CONSOLE,
                        request -> ServerResponse.ok()
                                .contentType(MediaType.TEXT_HTML)
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .bodyValue(page))
                .build();
    }

    /**
     * A URL Spring Security's firewall refuses (an encoded line feed, say) is answered with a problem document that
     * says why, instead of the firewall's empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler refusedUrlProblem(JsonMapper json) {
        ProblemWriter problems = new ProblemWriter(json);
        return (exchange, refused) ->
                problems.write(exchange, HttpStatus.BAD_REQUEST, FirewallRefusals.detail(refused.getMessage()));
    }

    /** Writes RFC 9457 problem documents for errors raised before any controller runs. */
    private record ProblemWriter(JsonMapper json) {

        /** Only the operator pages and their API need a role (see {@link #rules}); every other path needs a user. */
        Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
            return write(
                    exchange,
                    HttpStatus.FORBIDDEN,
                    "Your account may not use "
                            + exchange.getRequest().getPath().value() + ": it needs the " + Role.OPERATOR.name()
                            + " role.");
        }

        Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(status);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            boolean fromConsole = exchange.getRequest().getHeaders().containsHeader(CONSOLE_HEADER);
            if (status == HttpStatus.UNAUTHORIZED && !fromConsole) {
                response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"modstream\"");
            }
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        }
    }
}
