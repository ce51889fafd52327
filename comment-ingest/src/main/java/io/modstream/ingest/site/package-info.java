/**
 * Which site is calling: API keys are presented as {@code Authorization: Bearer <key>}, hashed with SHA-256 and
 * looked up among the configured hashes. Keys are random and long, so a fast unsalted hash is enough; they are
 * never stored or logged in clear.
 */
@NullMarked
package io.modstream.ingest.site;

import org.jspecify.annotations.NullMarked;
