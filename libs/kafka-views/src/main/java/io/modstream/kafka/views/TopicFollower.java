package io.modstream.kafka.views;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from their beginning and goes on following them, handing every committed record to a handler on one
 * background thread. This is how each instance rebuilds its in-memory view of state that lives in Kafka (author
 * activity, the review queue, author standing) and keeps it current with what other instances write.
 *
 * <p>No consumer group: every instance reads every partition. {@link #start} returns once the records that existed
 * at start have been handled (or after a timeout); {@link #awaitHandled} lets a caller wait until a record it knows
 * of (say, one it just wrote) has been handled here.
 */
public final class TopicFollower implements TopicView.Followed {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> config = new HashMap<>();
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    /** Released when the view has read what was there at start, or has found it cannot yet: start-up goes on. */
    private final CountDownLatch startUp = new CountDownLatch(1);

    private volatile boolean caughtUp;
    private final Map<TopicPartition, Long> handledUpTo = new HashMap<>(); // guarded by itself
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private volatile @Nullable Thread thread;

    /**
     * @param name what this follower keeps, for its thread name and log lines
     * @param bootstrapServers the brokers
     * @param topics the topics to read, whole
     * @param handler called for every record, in offset order per partition, on the follower's thread
     */
    public TopicFollower(
            String name,
            String bootstrapServers,
            List<String> topics,
            Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Only what committed transactions wrote: an aborted write never reaches a view.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    /** Starts following; returns when the topics have been read to the end they had at start, or after the wait. */
    @Override
    public void start(Duration wait) {
        KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(config);
        consumer = reader;
        Thread follower = new Thread(() -> follow(reader), name + "-follower");
        follower.setDaemon(true);
        thread = follower;
        follower.start();
        try {
            if (!startUp.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "{}: topics {} not read to their end within {}; starting with a partial view",
                        name,
                        topics,
                        wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the record at {@code offset} of {@code topic}-{@code partition} has been handled (or was found to
     * be invisible, as an aborted write is).
     *
     * @return whether it was, within {@code wait}
     */
    public boolean awaitHandled(String topic, int partition, long offset, Duration wait) {
        TopicPartition key = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (handledUpTo) {
            while (handledUpTo.getOrDefault(key, 0L) <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || thread == null) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(handledUpTo, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Reads until stopped. Trouble with the broker (unreachable, a topic not there yet) is logged and retried with a
     * growing pause, from where the view had got to: a view never silently stops following. Start-up does not wait
     * for a broker that is down; it goes on with an empty view, which fills in once the broker answers.
     */
    private void follow(KafkaConsumer<String, byte[]> reader) {
        Duration pause = Duration.ofSeconds(1);
        List<TopicPartition> partitions = List.of();
        Map<TopicPartition, Long> end = Map.of();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (partitions.isEmpty()) {
                        partitions = discover(reader);
                        reader.assign(partitions);
                        reader.seekToBeginning(partitions);
                        end = reader.endOffsets(partitions);
                    }
                    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                        handle(record);
                    }
                    noteProgress(reader, partitions);
                    if (!caughtUp && readTo(reader, end)) {
                        log.info("{}: read {} to the end", name, topics);
                        caughtUp = true;
                        startUp.countDown();
                    }
                    pause = Duration.ofSeconds(1);
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    log.warn("{}: cannot follow {} ({}); trying again in {}", name, topics, e.toString(), pause);
                    startUp.countDown();
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // stop() asked us to
        } finally {
            thread = null;
            startUp.countDown();
            synchronized (handledUpTo) {
                handledUpTo.notifyAll();
            }
            reader.close();
        }
    }

    /** Every partition of the topics; fails if a topic does not exist yet, so it is looked for again. */
    private List<TopicPartition> discover(KafkaConsumer<String, byte[]> reader) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> found = reader.partitionsFor(topic, Duration.ofSeconds(10));
            if (found == null || found.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist yet");
            }
            found.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private static boolean readTo(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            // One unreadable record must not stop the view; its cause is the writer's bug, logged without the value.
            log.warn(
                    "{}: skipping a record it cannot handle at {}-{}@{}: {}",
                    name,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    private void noteProgress(KafkaConsumer<String, byte[]> reader, List<TopicPartition> partitions) {
        synchronized (handledUpTo) {
            for (TopicPartition partition : partitions) {
                handledUpTo.put(partition, reader.position(partition));
            }
            handledUpTo.notifyAll();
        }
    }

    /** Stops following and closes the consumer. */
    @Override
    public void stop() {
        KafkaConsumer<String, byte[]> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        Thread follower = thread;
        if (follower != null) {
            try {
                follower.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer = null;
    }

    /** Whether the view has read everything that was in its topics when it started. */
    @Override
    public boolean isCaughtUp() {
        return caughtUp;
    }

    public boolean isRunning() {
        return thread != null;
    }
}
