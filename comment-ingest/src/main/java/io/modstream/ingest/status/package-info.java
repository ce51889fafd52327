/**
 * The read side for sites: what became of each comment, the approved comments of a thread, and a live feed of them.
 * Every instance keeps its own copy, rebuilt at start from {@code comments.submitted} and the outcome topics and
 * followed after, so any instance answers any question without asking another.
 */
@NullMarked
package io.modstream.ingest.status;

import org.jspecify.annotations.NullMarked;
