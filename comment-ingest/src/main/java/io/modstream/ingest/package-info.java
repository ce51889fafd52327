/**
 * comment-ingest: authenticates site backends by API key, validates and bounds their comments, and publishes each
 * one to {@code comments.submitted}, answering only once the broker has acknowledged the write.
 */
@NullMarked
package io.modstream.ingest;

import org.jspecify.annotations.NullMarked;
