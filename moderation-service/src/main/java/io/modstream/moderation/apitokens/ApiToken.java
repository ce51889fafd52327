package io.modstream.moderation.apitokens;

import java.time.Instant;

/**
 * A token as it is stored in {@code staff.api-tokens}, keyed by its id: never the secret, only its SHA-256.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param id the public half of the token, shown in lists and used to revoke it
 * @param username whose token it is; it acts with their roles and sites as they are configured when it is used
 * @param name what the owner called it, to tell their tokens apart
 * @param secretHash SHA-256 of the secret half, base64url
 * @param createdAt when it was created
 */
record ApiToken(int schemaVersion, String id, String username, String name, String secretHash, Instant createdAt) {

    static final int SCHEMA_VERSION = 1;
}
