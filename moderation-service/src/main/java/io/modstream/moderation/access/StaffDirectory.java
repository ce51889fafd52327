package io.modstream.moderation.access;

import io.modstream.moderation.ModerationProperties;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The configured staff, for Spring Security's password check and for site scoping. Immutable. */
@Component
public class StaffDirectory implements ReactiveUserDetailsService {

    private final Map<String, ModerationProperties.User> users;

    StaffDirectory(ModerationProperties properties) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(ModerationProperties.User::username, Function.identity()));
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        ModerationProperties.User user = users.get(username);
        if (user == null) {
            return Mono.empty();
        }
        String hash = user.passwordHash().startsWith("{") ? user.passwordHash() : "{bcrypt}" + user.passwordHash();
        return Mono.just(User.withUsername(user.username())
                .password(hash)
                .authorities(user.roles().stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                        .toList())
                .build());
    }

    /** Whether {@code username} is configured (for the sign-in throttle's memory; never shown to a caller). */
    public boolean knows(String username) {
        return users.containsKey(username);
    }

    /** The staff member behind an authenticated name. */
    public StaffUser staff(String username) {
        ModerationProperties.User user = users.get(username);
        if (user == null) {
            throw new IllegalStateException("authenticated user is not configured: " + username);
        }
        return new StaffUser(user.username(), user.roles(), user.sites());
    }
}
