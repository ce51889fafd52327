/** What operators watch on comment-ingest: readiness that knows about Kafka, and the service's own metrics. */
@NullMarked
package io.modstream.ingest.observability;

import org.jspecify.annotations.NullMarked;
