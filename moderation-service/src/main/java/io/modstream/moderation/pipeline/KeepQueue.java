package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.Verdict;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every instance's copy of the queue, the global {@value ModerationTopology#QUEUE_STORE} store, from
 * {@code comments.review}: a held outcome goes in, the tombstone a decision leaves takes it out (its headers say who
 * decided what), and the live feed is told of both. The queue holds only what waits for a moderator, so a copy on
 * every instance stays as small as the moderators' backlog.
 */
final class KeepQueue implements Processor<String, byte[], Void, Void> {

    static final String DECIDED_ACTION = "modstream-decided-action";
    static final String DECIDED_BY = "modstream-decided-by";

    private static final Logger log = LoggerFactory.getLogger(KeepQueue.class);

    private final PipelineEvents events;
    private final JsonMapper json;
    private @Nullable KeyValueStore<String, CommentModerated> queue;

    KeepQueue(PipelineEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.queue = context.getStateStore(ModerationTopology.QUEUE_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (queue == null) {
            throw new IllegalStateException("not initialised");
        }
        String commentId = record.key();
        if (commentId == null) {
            return;
        }
        if (record.value() == null) {
            CommentModerated left = queue.delete(commentId);
            if (left != null) {
                String action = text(record.headers(), DECIDED_ACTION);
                events.leftQueue(
                        left, action == null ? null : Verdict.valueOf(action), text(record.headers(), DECIDED_BY));
            }
            return;
        }
        CommentModerated held;
        try {
            held = json.readValue(record.value(), CommentModerated.class);
        } catch (JacksonException e) {
            // Only the pipeline writes this topic; a record it cannot read is a bug, not a reason to stop the queue.
            log.error("Record {} of comments.review is not an outcome; left out of the queue", commentId, e);
            return;
        }
        if (held.verdict() == Verdict.REVIEW && queue.get(commentId) == null) {
            queue.put(commentId, held);
            events.queued(held);
        }
    }

    private static @Nullable String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
