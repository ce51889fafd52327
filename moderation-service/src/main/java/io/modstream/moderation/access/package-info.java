/**
 * Who may do what: site admins and moderators sign in with a password (stored as a BCrypt hash in configuration),
 * hold roles, and are scoped to the sites they serve.
 */
@NullMarked
package io.modstream.moderation.access;

import org.jspecify.annotations.NullMarked;
