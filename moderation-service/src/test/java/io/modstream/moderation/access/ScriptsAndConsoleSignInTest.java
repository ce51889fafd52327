package io.modstream.moderation.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Scripts (HTTP Basic) get no session and no cookie, so nothing they leave behind can authenticate a later request;
 * the console's form sign-in still makes a session guarded by the CSRF token. Regression: every Basic call used to
 * set {@code SESSION} and {@code XSRF-TOKEN}, and the {@code SESSION} cookie alone then authenticated.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.kafka.admin.auto-create=false",
            // BCrypt of "test-password"
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-a"
        })
class ScriptsAndConsoleSignInTest {

    static final String PASSWORD = "test-password";

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void aBasicCallMakesNoSessionAndSetsNoCookie() {
        EntityExchangeResult<byte[]> read = http.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBasicAuth("alice", PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        assertNoCookieThatSignsIn(read);

        // A state-changing call too (refused for its body, after authentication: no CSRF token is asked for).
        EntityExchangeResult<byte[]> write = http.post()
                .uri("/api/v1/me/tokens")
                .headers(h -> h.setBasicAuth("alice", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .returnResult();
        assertNoCookieThatSignsIn(write);
    }

    private void assertNoCookieThatSignsIn(EntityExchangeResult<byte[]> result) {
        // Whatever it might have left, none of it signs anyone in.
        WebTestClient.RequestHeadersSpec<?> replay = http.get().uri("/api/v1/me");
        for (ResponseCookie cookie :
                result.getResponseCookies().toSingleValueMap().values()) {
            replay = replay.cookie(cookie.getName(), cookie.getValue());
        }
        replay.exchange().expectStatus().isUnauthorized().expectBody(Void.class);
        assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void theConsoleSignsInWithASessionThatNeedsTheCsrfTokenToChangeAnything() {
        ResponseCookie csrf = http.get()
                .uri(StaffSecurityConfig.SIGN_IN_PAGE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        // The sign-in form needs the token too (against login CSRF).
        http.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=alice&password=" + PASSWORD)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "alice");
        form.add("password", PASSWORD);
        form.add("_csrf", csrf.getValue());
        ResponseCookie session = http.post()
                .uri("/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location(StaffSecurityConfig.CONSOLE)
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();

        http.get()
                .uri("/api/v1/me")
                .cookie("SESSION", session.getValue())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("alice");
        http.post()
                .uri("/api/v1/me/tokens")
                .cookie("SESSION", session.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(Void.class);
        http.post()
                .uri("/api/v1/me/tokens")
                .cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", csrf.getValue())
                .header("X-XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("name"));
        // With an Authorization header, the header alone decides, even beside a valid session.
        http.get()
                .uri("/api/v1/me")
                .cookie("SESSION", session.getValue())
                .headers(h -> h.setBasicAuth("alice", "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
    }
}
