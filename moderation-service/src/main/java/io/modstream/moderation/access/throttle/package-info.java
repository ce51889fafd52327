/**
 * Throttling of password sign-ins (the console's form and HTTP Basic): failures per user name and per client address
 * first slow further attempts down and then lock them out for a while. A refused attempt gets the same answer as a
 * wrong password and costs no BCrypt check. See docs/limits.md, "Sign-in and Basic throttling".
 */
@NullMarked
package io.modstream.moderation.access.throttle;

import org.jspecify.annotations.NullMarked;
