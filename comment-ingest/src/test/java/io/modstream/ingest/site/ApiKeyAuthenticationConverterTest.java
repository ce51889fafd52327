package io.modstream.ingest.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modstream.ingest.IngestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

class ApiKeyAuthenticationConverterTest {

    private final ApiKeyAuthenticationConverter converter = new ApiKeyAuthenticationConverter(new SiteApiKeys(
            SiteApiKeysTest.properties(new IngestProperties.Site("site-a", SiteApiKeys.hash("key-of-a"), null))));

    @Test
    void aKnownKeyAuthenticatesItsSite() {
        Authentication authentication = convert("Bearer key-of-a");

        assertThat(authentication).isInstanceOf(SiteAuthentication.class);
        assertThat(authentication.getPrincipal()).isEqualTo("site-a");
        assertThat(authentication.isAuthenticated()).isTrue();
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSpacesAroundTheKeyAreIgnored() {
        assertThat(convert("bearer  key-of-a ").getPrincipal()).isEqualTo("site-a");
    }

    @Test
    void anUnknownKeyIsBadCredentials() {
        assertThatThrownBy(() -> convert("Bearer key-of-b"))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("The API key is not valid.");
    }

    @Test
    void anEmptyOrOverlongKeyIsBadCredentials() {
        assertThatThrownBy(() -> convert("Bearer  ")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> convert("Bearer " + "k".repeat(257)))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("The API key is not valid.");
    }

    @Test
    void anotherSchemeIsBadCredentialsThatSaysWhichOneToUse() {
        assertThatThrownBy(() -> convert("Basic a2V5LW9mLWE="))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("Bearer");
    }

    @Test
    void noHeaderLeavesTheRequestAnonymous() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/comments"));

        assertThat(converter.convert(exchange).blockOptional()).isEmpty();
    }

    private Authentication convert(String authorization) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/v1/comments").header(HttpHeaders.AUTHORIZATION, authorization));
        return converter.convert(exchange).block();
    }
}
