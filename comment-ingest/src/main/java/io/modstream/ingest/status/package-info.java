/**
 * The read side for sites: what became of each comment, the approved comments of a thread, and a live feed of them.
 * They live in Kafka Streams global stores on this instance's disk (RocksDB), built from {@code comments.submitted}
 * and the outcome topics, so any instance answers any question without asking another and the heap does not grow
 * with the number of comments (docs/read-side.md).
 */
@NullMarked
package io.modstream.ingest.status;

import org.jspecify.annotations.NullMarked;
