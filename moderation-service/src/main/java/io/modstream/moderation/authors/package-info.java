/**
 * What moderators decided about authors (ban, suspension, pre-moderation, trust) and each author's record on a site
 * (counts of approved, rejected and held comments, the latest few, recent posts for the flood and duplicate checks),
 * as one {@link io.modstream.moderation.authors.AuthorState} per site and author in the pipeline's {@code authors}
 * state store. Actions are recorded on {@code authors.actions} and applied by the pipeline, the state's only writer;
 * reads go to the instance that owns the author's partition ({@link io.modstream.moderation.authors.Authors}).
 */
@NullMarked
package io.modstream.moderation.authors;

import org.jspecify.annotations.NullMarked;
