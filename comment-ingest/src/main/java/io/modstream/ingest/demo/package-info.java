/**
 * A demo news site for the local profile: an article page at {@code /demo} whose comment form posts through a small
 * backend here, which calls the real ingest API over HTTP with the site key, as any site's backend would. The browser
 * never holds the key. Every bean is {@code @Profile("local")}, so no other profile has any of it.
 */
@NullMarked
package io.modstream.ingest.demo;

import org.jspecify.annotations.NullMarked;
