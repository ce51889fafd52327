/**
 * Who may do what: site admins and moderators sign in with a password (stored as a BCrypt hash in configuration),
 * hold roles, and are scoped to the sites they serve. Scripts send HTTP Basic or an API token on every request and get
 * no session; the console signs in with a form and holds a session guarded by a CSRF token.
 */
@NullMarked
package io.modstream.moderation.access;

import org.jspecify.annotations.NullMarked;
