/**
 * Per-user API tokens for scripts and tools: a staff member creates, lists and revokes their own; a request that
 * sends one as {@code Authorization: Bearer} acts as that member, with their roles and sites, at the cost of one
 * SHA-256 instead of a BCrypt check. Tokens live hashed in a compacted Kafka topic that every instance follows.
 */
@NullMarked
package io.modstream.moderation.apitokens;

import org.jspecify.annotations.NullMarked;
