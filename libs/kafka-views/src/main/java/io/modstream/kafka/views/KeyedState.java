package io.modstream.kafka.views;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest value per key of a compacted topic, in memory: rebuilt from the topic at start and kept current by a
 * {@link TopicFollower}. Values carry a revision that rises with every change; of two values for a key, the higher
 * revision is kept, so this instance's own writes, echoed back by the follower, never roll a newer value back.
 *
 * <p>Two instances changing one key at the same moment can each build on the same old value, and one change is then
 * lost. The views here are used where that is acceptable (author standing is set by people, seconds apart; author
 * history counts are for display). Thread-safe.
 *
 * @param <T> the value type, read from JSON
 */
public final class KeyedState<T> implements TopicView.Followed {

    private final Map<String, T> byKey = new ConcurrentHashMap<>();
    private final Class<T> type;
    private final Function<T, Long> revision;
    private final JsonMapper json;
    private final TopicFollower follower;

    /**
     * @param name for the follower's thread and logs
     * @param bootstrapServers the brokers
     * @param topic the compacted topic
     * @param type the values' type
     * @param revision a value's revision
     * @param json the reader for values
     */
    public KeyedState(
            String name,
            String bootstrapServers,
            String topic,
            Class<T> type,
            Function<T, Long> revision,
            JsonMapper json) {
        this.type = type;
        this.revision = revision;
        this.json = json;
        this.follower = new TopicFollower(name, bootstrapServers, List.of(topic), this::apply);
    }

    @Override
    public void start(Duration wait) {
        follower.start(wait);
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isCaughtUp() {
        return follower.isCaughtUp();
    }

    public @Nullable T get(String key) {
        return byKey.get(key);
    }

    /**
     * Changes the value of {@code key} here at once and answers the new value, for the caller to publish. The change
     * function receives null when the key has no value yet.
     */
    public T update(String key, UnaryOperator<@Nullable T> change) {
        return byKey.compute(key, (k, old) -> change.apply(old));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            byKey.remove(record.key());
            return;
        }
        T incoming = json.readValue(record.value(), type);
        byKey.merge(
                record.key(),
                incoming,
                (mine, theirs) -> revision.apply(theirs) >= revision.apply(mine) ? theirs : mine);
    }
}
