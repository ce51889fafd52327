/**
 * What moderators decided about authors (ban, suspension, pre-moderation, trust) and each author's record on a site
 * (counts of approved, rejected and held comments, the latest few). Both live in compacted Kafka topics keyed by site
 * and author, {@code authors.standing} and {@code authors.history}; every instance rebuilds them at start, and the
 * pipeline applies them to the author's next comment.
 */
@NullMarked
package io.modstream.moderation.authors;

import org.jspecify.annotations.NullMarked;
