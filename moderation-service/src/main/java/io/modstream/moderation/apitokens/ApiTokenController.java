package io.modstream.moderation.apitokens;

import io.modstream.moderation.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The signed-in staff member's own API tokens. Creating and revoking need a password sign-in (HTTP Basic, or the
 * console's session with its CSRF token): a token cannot make more tokens, so a leaked one ends when it is revoked.
 */
@RestController
class ApiTokenController {

    static final int MAX_NAME_LENGTH = 100;

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * What to call a new token.
     *
     * @param name to tell it apart, such as the script that uses it; 1 to 100 characters
     */
    record TokenRequest(@Nullable String name) {}

    /**
     * A token as its owner sees it in a list: never its secret.
     *
     * @param id the public half of the token, to revoke it by
     * @param name what the owner called it
     * @param createdAt when it was made
     */
    record TokenView(String id, String name, Instant createdAt) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.name(), token.createdAt());
        }
    }

    /**
     * A token just made.
     *
     * @param id the public half, to revoke it by
     * @param name what the owner called it
     * @param createdAt when it was made
     * @param token the whole token, to send as {@code Authorization: Bearer <token>}; shown only here, never again
     */
    record IssuedToken(String id, String name, Instant createdAt, String token) {}

    @Operation(
            summary = "Create an API token for yourself; the token is shown in this answer only",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created; copy the token now"),
                @ApiResponse(responseCode = "409", description = "You hold the most tokens allowed; revoke one"),
                @ApiResponse(responseCode = "422", description = "The name is missing, too long or not printable"),
                @ApiResponse(responseCode = "503", description = "Kafka did not take the token; try again")
            })
    @PostMapping(
            path = "/api/v1/me/tokens",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<IssuedToken>> create(Principal principal, @RequestBody TokenRequest request) {
        requirePasswordSignIn(principal);
        String name = validName(request.name());
        return Mono.fromCallable(() -> {
                    ApiTokens.Issued issued = tokens.issue(principal.getName(), name);
                    ApiToken stored = issued.stored();
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .cacheControl(CacheControl.noStore())
                            .body(new IssuedToken(stored.id(), stored.name(), stored.createdAt(), issued.token()));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Your API tokens, oldest first, without their secrets")
    @GetMapping(path = "/api/v1/me/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TokenView> list(Principal principal) {
        return tokens.of(principal.getName()).stream().map(TokenView::of).toList();
    }

    @Operation(
            summary = "Revoke one of your API tokens; it stops working at once",
            responses = {
                @ApiResponse(responseCode = "204", description = "Revoked"),
                @ApiResponse(responseCode = "404", description = "You hold no token with this id"),
                @ApiResponse(responseCode = "503", description = "Kafka did not take the revocation; try again")
            })
    @DeleteMapping(path = "/api/v1/me/tokens/{tokenId}")
    Mono<ResponseEntity<Void>> revoke(Principal principal, @PathVariable String tokenId) {
        requirePasswordSignIn(principal);
        return Mono.fromCallable(() -> {
                    if (!tokens.revoke(principal.getName(), tokenId)) {
                        throw Problems.of(HttpStatus.NOT_FOUND, "You hold no API token with tokenId " + tokenId + ".");
                    }
                    return ResponseEntity.noContent().<Void>build();
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static void requirePasswordSignIn(Principal principal) {
        if (principal instanceof ApiTokenAuthentication) {
            throw Problems.of(
                    HttpStatus.FORBIDDEN,
                    "API tokens are created and revoked with a password sign-in (HTTP Basic or the console), not with"
                            + " a token.");
        }
    }

    private static String validName(@Nullable String name) {
        if (name == null
                || name.isBlank()
                || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "name is required: 1 to " + MAX_NAME_LENGTH + " printable characters.");
        }
        return name.strip();
    }
}
