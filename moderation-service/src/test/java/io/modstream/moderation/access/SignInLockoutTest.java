package io.modstream.moderation.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.modstream.moderation.access.throttle.TestClock;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The lockout sequence over real HTTP, through the console's form sign-in and through Basic: wrong passwords slow a
 * name down and then lock it; while it is locked even the right password gets exactly the wrong password's answer;
 * after the lock the right password works. Time is a test clock, moved on by hand.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.kafka.admin.auto-create=false",
            // BCrypt of "test-password"; alice signs in with the form, bob with Basic.
            "modstream.moderation.users[0].username=alice",
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-a",
            "modstream.moderation.users[1].username=bob",
            "modstream.moderation.users[1].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[1].roles=MODERATOR",
            "modstream.moderation.users[1].sites=site-a",
            // Slow after 3 failures (1s each), lock after 5 for 15 minutes; the address limit stays out of the way.
            "modstream.moderation.sign-in.user-name.slow-after=3",
            "modstream.moderation.sign-in.user-name.first-delay=1s",
            "modstream.moderation.sign-in.user-name.max-delay=1s",
            "modstream.moderation.sign-in.user-name.lock-after=5",
            "modstream.moderation.sign-in.user-name.lock-for=15m",
            "modstream.moderation.sign-in.address.slow-after=1000",
            "modstream.moderation.sign-in.address.lock-after=1000"
        })
class SignInLockoutTest {

    static final String PASSWORD = "test-password";

    @TestConfiguration
    static class Time {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry registry;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        // Whatever an earlier test left is over.
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void theConsoleFormSlowsDownLocksOutAnswersAsForAWrongPasswordAndWorksAfterTheLock() {
        double lockouts = lockouts();
        EntityExchangeResult<byte[]> wrong = signIn("wrong");
        assertThat(wrong.getStatus()).isEqualTo(HttpStatus.FOUND);
        assertThat(wrong.getResponseHeaders().getLocation()).hasToString(StaffSecurityConfig.SIGN_IN_PAGE + "?error");
        signIn("wrong");
        signIn("wrong");
        // Slowed down: the right password, too soon, is not even checked.
        assertSameAnswer(signIn(PASSWORD), wrong);
        clock.advance(Duration.ofSeconds(1));
        signIn("wrong");
        clock.advance(Duration.ofSeconds(1));
        signIn("wrong"); // the fifth: locked for 15 minutes
        assertThat(lockouts()).isEqualTo(lockouts + 1);

        clock.advance(Duration.ofMinutes(14));
        assertSameAnswer(signIn(PASSWORD), wrong);

        clock.advance(Duration.ofMinutes(1));
        EntityExchangeResult<byte[]> signedIn = signIn(PASSWORD);
        assertThat(signedIn.getStatus()).isEqualTo(HttpStatus.FOUND);
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString(StaffSecurityConfig.CONSOLE);
        assertThat(signedIn.getResponseCookies().getFirst("SESSION")).isNotNull();
    }

    @Test
    void basicIsLockedOutWith401AsForAWrongPasswordAndWorksAfterTheLock() {
        EntityExchangeResult<byte[]> wrong = me("wrong");
        assertThat(wrong.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            me("wrong");
        }
        assertSameAnswer(me(PASSWORD), wrong);
        // The same for a name that does not exist: nothing tells the two apart.
        assertSameAnswer(me(PASSWORD, "nobody"), wrong);

        clock.advance(Duration.ofMinutes(15));
        assertThat(me(PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSignInThatWorksForgetsTheNamesFailures() {
        for (int i = 1; i <= 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            me("wrong");
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(me(PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
        // Two more failures would have locked the name; after the success they are only the first two.
        me("wrong");
        me("wrong");
        assertThat(me(PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnknownBearerTokenIsStillAnswered401() {
        http.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth("mst_nonsense"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
    }

    /** Status, the headers a client acts on, and the body, byte for byte. */
    private static void assertSameAnswer(EntityExchangeResult<byte[]> actual, EntityExchangeResult<byte[]> expected) {
        assertThat(actual.getStatus()).isEqualTo(expected.getStatus());
        for (String header : new String[] {
            HttpHeaders.LOCATION, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH
        }) {
            assertThat(actual.getResponseHeaders().get(header))
                    .as(header)
                    .isEqualTo(expected.getResponseHeaders().get(header));
        }
        assertThat(actual.getResponseBodyContent()).isEqualTo(expected.getResponseBodyContent());
    }

    private EntityExchangeResult<byte[]> signIn(String password) {
        ResponseCookie csrf = http.get()
                .uri(StaffSecurityConfig.SIGN_IN_PAGE)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "alice");
        form.add("password", password);
        form.add("_csrf", csrf.getValue());
        return http.post()
                .uri("/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectBody()
                .returnResult();
    }

    private EntityExchangeResult<byte[]> me(String password) {
        return me(password, "bob");
    }

    private EntityExchangeResult<byte[]> me(String password, String name) {
        Consumer<HttpHeaders> basic = h -> h.setBasicAuth(name, password);
        return http.get()
                .uri("/api/v1/me")
                .headers(basic)
                .exchange()
                .expectBody()
                .returnResult();
    }

    private double lockouts() {
        return registry.get("modstream.sign.in.lockouts")
                .tag("by", "user")
                .counter()
                .count();
    }
}
