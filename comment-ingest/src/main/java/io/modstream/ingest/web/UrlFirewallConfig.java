package io.modstream.ingest.web;

import io.modstream.web.FirewallRefusals;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict URL firewall, loosened just enough that every thread id a site may submit can be sent back
 * as one percent-encoded path segment ({@code encodeURIComponent}). Thread ids are often URL paths themselves
 * ({@code news/2026/11/space station}), so they arrive as {@code %2F}, {@code %2F%2F}, {@code %25}, {@code %3B} and
 * {@code %5C}, which the firewall refuses by default.
 *
 * <p>That is safe here because nothing decodes a path and matches it again: WebFlux splits the path on its raw
 * slashes once, and both the security rules and the routes match those same segments, so {@code %2F} can only ever be
 * part of one segment's value. What stays refused: those characters unencoded, {@code .} and {@code ..} segments,
 * encoded periods, NUL, CR, LF and the Unicode line and paragraph separators; thread ids that would need any of these
 * are refused at submission instead.
 *
 * <p>A refused request is answered with a problem document that says why, instead of the firewall's empty 400.
 */
@Configuration(proxyBeanMethods = false)
class UrlFirewallConfig {

    @Bean
    ServerWebExchangeFirewall urlFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowSemicolon(true);
        firewall.setAllowBackSlash(true);
        // Only their encoded forms, though: raw in the URL, these are never part of a thread id, and a raw ';' would
        // start matrix variables and silently cut the thread id short.
        firewall.getEncodedUrlBlocklist().addAll(List.of(";", "//", "\\"));
        return firewall;
    }

    @Bean
    ServerExchangeRejectedHandler refusedUrlProblem(ProblemResponses problems) {
        return (exchange, refused) ->
                problems.write(exchange, HttpStatus.BAD_REQUEST, FirewallRefusals.detail(refused.getMessage()));
    }
}
