package io.modstream.moderation.access;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API is for scripts and tools: HTTP Basic on every request, no session, so no cookie a browser could be tricked
 * into sending, and CSRF protection has nothing to protect. Health stays open for load balancers. Every other
 * endpoint needs a signed-in user; which site they may touch is checked by {@link SiteAccess}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class StaffSecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityWebFilterChain staffSecurity(ServerHttpSecurity http, JsonMapper json) {
        ProblemWriter problems = new ProblemWriter(json);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic.")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, e) ->
                                problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic."))
                        .accessDeniedHandler(
                                (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "Not allowed.")))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .build();
    }

    /** Writes RFC 9457 problem documents for errors raised before any controller runs. */
    private record ProblemWriter(JsonMapper json) {

        Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(status);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (status == HttpStatus.UNAUTHORIZED) {
                response.getHeaders().set("WWW-Authenticate", "Basic realm=\"modstream\"");
            }
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        }
    }
}
