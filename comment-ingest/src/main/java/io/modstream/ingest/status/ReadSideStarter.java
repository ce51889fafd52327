package io.modstream.ingest.status;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Starts the read side's Kafka Streams on its own thread: {@code KafkaStreams#start()} returns only once the global
 * stores have caught up with their topics (seconds from a kept state directory, longer from an empty one) and throws
 * when the broker stays away. Until it runs, the service is up but not ready; a start that failed, or a Kafka Streams
 * that died, is started again after {@link #RETRY_AFTER}.
 */
final class ReadSideStarter implements SmartLifecycle {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ReadSideStarter.class);

    private final StreamsBuilderFactoryBean streams;
    private final boolean autoStartup;
    private volatile boolean running;
    private volatile @Nullable Thread starter;
    private volatile @Nullable KafkaStreams current;

    ReadSideStarter(StreamsBuilderFactoryBean streams, boolean autoStartup) {
        this.streams = streams;
        this.autoStartup = autoStartup;
        // Held here, not asked of the factory bean: its getKafkaStreams() waits for a start that is still restoring.
        streams.setKafkaStreamsCustomizer(kafkaStreams -> current = kafkaStreams);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR && running) {
                log.error("The read side stopped with an error; starting it again in {}", RETRY_AFTER);
                startInBackground(RETRY_AFTER);
            }
        });
    }

    @Override
    public synchronized void start() {
        running = true;
        startInBackground(Duration.ZERO);
    }

    private synchronized void startInBackground(Duration after) {
        Thread thread = new Thread(() -> startUntilRunning(after), "read-side-start");
        thread.setDaemon(true);
        thread.start();
        starter = thread;
    }

    private void startUntilRunning(Duration after) {
        Duration wait = after;
        while (running) {
            try {
                Thread.sleep(wait.toMillis());
                closeFailed();
                streams.start();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The read side did not start ({}); trying again in {}", e.getMessage(), RETRY_AFTER);
                wait = RETRY_AFTER;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = starter;
        if (thread != null) {
            thread.interrupt(); // a start still restoring gives up waiting
            try {
                thread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (streams.isRunning()) {
            streams.stop();
        }
        // A start still restoring holds spring-kafka's lifecycle lock: close its Kafka Streams directly.
        closeFailed();
    }

    /** The Kafka Streams of the latest start, in whatever state; null before the first. Never blocks. */
    @Nullable
    KafkaStreams kafkaStreams() {
        return current;
    }

    /** Closes a Kafka Streams that spring-kafka does not hold as running: one whose start failed or died. */
    private void closeFailed() {
        KafkaStreams kafkaStreams = current;
        if (kafkaStreams != null && !streams.isRunning()) {
            kafkaStreams.close(CLOSE_TIMEOUT);
        } else if (kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.ERROR) {
            streams.stop();
            kafkaStreams.close(CLOSE_TIMEOUT);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /**
     * Just above spring-kafka's: stopped first, so that a start still restoring is interrupted before the context asks
     * the factory bean whether it runs (that question waits for the lock a start holds).
     */
    @Override
    public int getPhase() {
        return streams.getPhase() + 1;
    }
}
