/**
 * Per-site ingest quota: how many comments each site may post, enforced with a Bucket4j token bucket per site before
 * a request costs anything, and answered with 429 and {@code Retry-After} when spent (docs/limits.md).
 */
@NullMarked
package io.modstream.ingest.quota;

import org.jspecify.annotations.NullMarked;
