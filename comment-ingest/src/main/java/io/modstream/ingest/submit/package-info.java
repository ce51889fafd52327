/**
 * Submitting a comment: the request shape and its bounds, {@code Idempotency-Key} handling, and publishing to
 * {@code comments.submitted} with the broker's acknowledgement awaited.
 */
@NullMarked
package io.modstream.ingest.submit;

import org.jspecify.annotations.NullMarked;
