package io.modstream.kafka.views;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * An in-memory view of Kafka topics with the lifecycle every such view needs: it reads its topics to their end
 * before the listener containers start (phase 0, before theirs), so the first record a listener handles already meets
 * the state; and it starts only when the listeners do, so a service that moderates nothing needs no broker.
 */
public abstract class TopicView implements SmartLifecycle {

    /** How long start-up waits for a view to read its topics to their end before going on with a partial view. */
    static final Duration CATCH_UP = Duration.ofSeconds(60);

    private final boolean autoStartup;
    private volatile boolean running;

    protected TopicView(KafkaProperties kafkaProperties) {
        this.autoStartup = kafkaProperties.getListener().isAutoStartup();
    }

    /** What this view reads, started in this order. */
    protected abstract List<Followed> followed();

    /** Something that follows topics. */
    public interface Followed {

        void start(Duration wait);

        void stop();

        /** Whether it has read what its topics held when it started. */
        boolean isCaughtUp();
    }

    /** Whether every topic of this view has been read to where it was at start: until then answers may be stale. */
    public boolean isCaughtUp() {
        return followed().stream().allMatch(Followed::isCaughtUp);
    }

    @Override
    public void start() {
        followed().forEach(f -> f.start(CATCH_UP));
        running = true;
    }

    @Override
    public void stop() {
        followed().forEach(Followed::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public final boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public final int getPhase() {
        return 0;
    }
}
