package io.modstream.moderation.pipeline;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers an outcome carries: the input's, so trace context travels from the site's request to the verdict, less
 * those that describe the input's own value (spring-kafka's {@code __TypeId__} and its kind) or its failures.
 */
final class OutcomeHeaders {

    private OutcomeHeaders() {}

    static Headers from(Headers input) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : input) {
            if (!header.key().startsWith("__") && !header.key().startsWith("kafka_")) {
                kept.add(header);
            }
        }
        return kept;
    }
}
