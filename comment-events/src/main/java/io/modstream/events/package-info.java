/**
 * The event contract between comment-ingest and moderation-service: immutable records serialised as JSON, the
 * verdict and reason vocabulary, and the topic names. JDK only; the golden files under {@code src/test/resources/golden}
 * are the authoritative wire format and are round-tripped by the tests.
 */
package io.modstream.events;
