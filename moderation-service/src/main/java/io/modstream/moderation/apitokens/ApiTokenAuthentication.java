package io.modstream.moderation.apitokens;

import java.io.Serial;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A request authenticated by an API token: before the check it carries the presented token, after it the staff member
 * and the token's id (the secret is dropped). Its name is the member's username, as with a password sign-in, so
 * site scoping works the same. {@link #toString} never shows the token.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable UserDetails user;
    private final @Nullable String presented;
    private final @Nullable String tokenId;

    private ApiTokenAuthentication(@Nullable UserDetails user, @Nullable String presented, @Nullable String tokenId) {
        super(user == null ? List.of() : user.getAuthorities());
        this.user = user;
        this.presented = presented;
        this.tokenId = tokenId;
        super.setAuthenticated(user != null);
    }

    /** What a request presents, before it is checked. */
    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(null, token, null);
    }

    /** A checked token of {@code user}. */
    static ApiTokenAuthentication of(UserDetails user, String tokenId) {
        return new ApiTokenAuthentication(user, null, tokenId);
    }

    @Override
    public @Nullable Object getCredentials() {
        return presented;
    }

    @Override
    public @Nullable Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user == null ? "" : user.getUsername();
    }

    /** The id of the token the request was authenticated with; null before the check. */
    public @Nullable String tokenId() {
        return tokenId;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only a checked token is authenticated");
        }
        super.setAuthenticated(false);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ApiTokenAuthentication that
                && super.equals(that)
                && Objects.equals(tokenId, that.tokenId);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(tokenId);
    }
}
