/** What the HTTP endpoints of moderation-service share. */
@NullMarked
package io.modstream.moderation.web;

import org.jspecify.annotations.NullMarked;
