package io.modstream.moderation.access.throttle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Throttles password sign-ins (the console's form and HTTP Basic) by user name and by client address; see
 * {@link FailureThrottle} for the rules and docs/limits.md for the defaults.
 *
 * <p>An attempt the throttle refuses is answered exactly as a wrong password is ({@code BadCredentialsException}
 * with Spring's own message, so the same 401 body or the same redirect), and its password is never checked: a
 * locked name spends no BCrypt time. Names that do not exist are throttled like names that do, so the throttle tells
 * nobody which names exist.
 *
 * <p>Each lockout is logged once at WARN (name, address, until when; never a password) and counted in
 * {@code modstream_sign_in_lockouts_total{by}}; refused attempts are counted in
 * {@code modstream_sign_in_refused_total{by}} and wrong passwords in {@code modstream_sign_in_failures_total}.
 * {@code by} is {@code user} or {@code address}.
 */
public final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Where {@link #clientAddressFilter()} leaves the address for {@link #around}. */
    private static final String ADDRESS = SignInThrottle.class.getName() + ".address";

    /** Longer names cannot be staff (see ModerationProperties.User); keeping only this much bounds each key. */
    private static final int LONGEST_NAME = 100;

    /** What the password check itself answers for a wrong password or an unknown name. */
    private static final String WRONG = "Invalid Credentials";

    private final SignInProperties properties;
    private final FailureThrottle names;
    private final FailureThrottle addresses;
    private final MeterRegistry registry;

    /**
     * @param staffNames the configured staff names, whose state is kept however many other names are tried
     * @param clock the system clock, or a test's
     */
    public SignInThrottle(
            SignInProperties properties, Predicate<String> staffNames, MeterRegistry registry, Clock clock) {
        this.properties = properties;
        this.names = new FailureThrottle(properties.userName(), true, properties.maxTracked(), staffNames, clock);
        this.addresses = new FailureThrottle(properties.address(), false, properties.maxTracked(), key -> false, clock);
        this.registry = registry;
        for (String by : new String[] {"user", "address"}) {
            lockouts(by);
            refused(by);
        }
        failures();
    }

    /**
     * Tells {@link #around} where each request comes from. Goes in every security chain that checks passwords,
     * before its authentication filters.
     */
    public WebFilter clientAddressFilter() {
        return (exchange, chain) -> ClientAddress.key(exchange.getRequest().getRemoteAddress())
                .map(address -> chain.filter(exchange).contextWrite(context -> context.put(ADDRESS, address)))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** {@code passwordCheck}, throttled. */
    public ReactiveAuthenticationManager around(ReactiveAuthenticationManager passwordCheck) {
        return attempt -> Mono.deferContextual(context -> {
            Attempt throttled = new Attempt(nameKey(attempt.getName()), context.<String>getOrEmpty(ADDRESS));
            if (!throttled.begin()) {
                return Mono.error(new BadCredentialsException(WRONG));
            }
            return passwordCheck
                    .authenticate(attempt)
                    .doOnNext(signedIn -> throttled.end(FailureThrottle.Result.SUCCEEDED))
                    .doOnError(e -> throttled.end(
                            e instanceof BadCredentialsException
                                    ? FailureThrottle.Result.FAILED
                                    : FailureThrottle.Result.ABANDONED))
                    .doFinally(signal -> throttled.end(FailureThrottle.Result.ABANDONED));
        });
    }

    /** One password check: admitted by both throttles, and ended exactly once however the check ends. */
    private final class Attempt {

        private final String name;
        private final Optional<String> address;
        private final AtomicBoolean ended = new AtomicBoolean();

        Attempt(String name, Optional<String> address) {
            this.name = name;
            this.address = address;
        }

        boolean begin() {
            if (!names.begin(name)) {
                refused("user").increment();
                ended.set(true);
                return false;
            }
            if (address.isPresent() && !addresses.begin(address.get())) {
                names.end(name, FailureThrottle.Result.ABANDONED);
                refused("address").increment();
                ended.set(true);
                return false;
            }
            return true;
        }

        void end(FailureThrottle.Result result) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (result == FailureThrottle.Result.FAILED) {
                failures().increment();
            }
            String where = address.orElse("an unknown address");
            names.end(name, result).ifPresent(until -> {
                lockouts("user").increment();
                log.warn(
                        "Sign-in locked for user name '{}' from {} until {}: {} failed sign-ins within {}",
                        printable(name),
                        where,
                        until,
                        properties.userName().lockAfter(),
                        properties.userName().window());
            });
            address.flatMap(key -> addresses.end(key, result)).ifPresent(until -> lockoutOfAddress(until, where));
        }

        private void lockoutOfAddress(Instant until, String where) {
            lockouts("address").increment();
            log.warn(
                    "Sign-in locked for address {} until {}: {} failed sign-ins from it within {}; the last user name"
                            + " tried was '{}'",
                    where,
                    until,
                    properties.address().lockAfter(),
                    properties.address().window(),
                    printable(name));
        }
    }

    private Counter lockouts(String by) {
        return Counter.builder("modstream.sign.in.lockouts")
                .description("Sign-in lockouts started, by user name or by client address")
                .tag("by", by)
                .register(registry);
    }

    private Counter refused(String by) {
        return Counter.builder("modstream.sign.in.refused")
                .description("Sign-in attempts refused unchecked during a slow-down or lockout")
                .tag("by", by)
                .register(registry);
    }

    private Counter failures() {
        return Counter.builder("modstream.sign.in.failures")
                .description("Sign-in attempts with a wrong password or an unknown user name")
                .register(registry);
    }

    private static String nameKey(String name) {
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
    }

    /** The name as it may appear in a log line: control characters (a forged line break, say) shown as '?'. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        return shown.toString();
    }
}
