package io.modstream.moderation.access.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/** The throttle around a password check, with a fake check that counts how often it runs. */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest {

    private static final SignInProperties PROPERTIES = new SignInProperties(
            new SignInProperties.UserName(
                    2, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMinutes(15), Duration.ofMinutes(15)),
            new SignInProperties.Address(
                    4, Duration.ofSeconds(1), Duration.ofSeconds(1), 6, Duration.ofMinutes(15), Duration.ofMinutes(15)),
            1000);

    private final TestClock clock = new TestClock();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger checks = new AtomicInteger();
    private final ReactiveAuthenticationManager passwordCheck = attempt -> {
        checks.incrementAndGet();
        return "right".equals(attempt.getCredentials())
                ? Mono.just(UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of()))
                : Mono.error(new BadCredentialsException("Invalid Credentials"));
    };
    private final SignInThrottle throttle = new SignInThrottle(PROPERTIES, "alice"::equals, registry, clock);
    private final ReactiveAuthenticationManager throttled = throttle.around(passwordCheck);

    @Test
    void aLockedNameIsRefusedLikeAWrongPasswordWithoutCheckingIt(CapturedOutput output) {
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(signIn("alice", "wrong", "192.0.2.1")).isEqualTo("Invalid Credentials");
        }
        int checked = checks.get();
        assertThat(signIn("alice", "right", "192.0.2.1")).isEqualTo("Invalid Credentials");
        assertThat(checks).as("the password was not checked").hasValue(checked);

        assertThat(count("modstream.sign.in.lockouts", "user")).isEqualTo(1);
        assertThat(count("modstream.sign.in.refused", "user")).isEqualTo(1);
        assertThat(registry.get("modstream.sign.in.failures").counter().count()).isEqualTo(3);
        assertThat(output)
                .containsOnlyOnce("Sign-in locked for user name 'alice' from 192.0.2.1 until 2025-01-01T09:15:03Z")
                .doesNotContain("wrong", "right");
    }

    @Test
    void oneAddressTryingManyNamesIsLockedOutForEveryName(CapturedOutput output) {
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(1));
            signIn("made-up-" + i, "wrong", "198.51.100.7");
        }
        assertThat(signIn("alice", "right", "198.51.100.7")).isEqualTo("Invalid Credentials");
        assertThat(count("modstream.sign.in.lockouts", "address")).isEqualTo(1);
        assertThat(count("modstream.sign.in.refused", "address")).isEqualTo(1);
        assertThat(output)
                .contains("Sign-in locked for address 198.51.100.7 until", "last user name tried was 'made-up-5'");
        // Another address is not affected, and the refused attempt left alice's name alone.
        assertThat(signIn("alice", "right", "203.0.113.9")).isEqualTo("alice");
    }

    @Test
    void theAddressLockExpires() {
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(1));
            signIn("made-up-" + i, "wrong", "198.51.100.7");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn("alice", "right", "198.51.100.7")).isEqualTo("alice");
    }

    @Test
    void anIpv6AddressIsCountedByItsSlash64() {
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(1));
            signIn("made-up-" + i, "wrong", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(signIn("alice", "right", "2001:db8:1:2:ffff::1")).isEqualTo("Invalid Credentials");
        assertThat(signIn("alice", "right", "2001:db8:1:3::1")).isEqualTo("alice");
    }

    @Test
    void aNameWithALineBreakCannotForgeALogLine(CapturedOutput output) {
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            signIn("eve\nINFO forged", "wrong", "192.0.2.1");
        }
        assertThat(output).contains("'eve?INFO forged'").doesNotContain("eve\nINFO");
    }

    /** Signs in through the address filter, as a request from {@code address}; the name, or the error's message. */
    private String signIn(String name, String password, String address) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/login")
                .remoteAddress(new InetSocketAddress(address, 40000))
                .build());
        Authentication attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        String[] answer = {""};
        throttle.clientAddressFilter()
                .filter(
                        exchange,
                        ex -> throttled
                                .authenticate(attempt)
                                .doOnNext(signedIn -> answer[0] = signedIn.getName())
                                .onErrorResume(BadCredentialsException.class, e -> {
                                    answer[0] = e.getMessage();
                                    return Mono.empty();
                                })
                                .then())
                .block();
        return answer[0];
    }

    private double count(String name, String by) {
        return registry.get(name).tag("by", by).counter().count();
    }
}
