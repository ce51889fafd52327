package io.modstream.moderation.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.stereotype.Component;

/**
 * Reads what is on the broker through the admin client: topics with their partitions and end offsets, consumer
 * groups with their lag as a reader sees it ({@link ReaderLag}). Every call asks the broker afresh; nothing is cached. Thread-safe (the admin client is).
 */
@Component
class BrokerView {

    /** More groups than this are not listed: the page is for a pipeline's handful of groups, not a shared cluster. */
    static final int MAX_GROUPS = 100;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final ReaderLag readerLag;

    BrokerView(Admin admin, ReaderLag readerLag) {
        this.admin = admin;
        this.readerLag = readerLag;
    }

    /** Every topic except Kafka's internal ones, by name, with partitions, end offsets and whether it is compacted. */
    List<TopicInfo> topics() {
        Map<String, TopicDescription> described = describe(topicNames());
        Map<TopicPartition, Long> ends = endOffsets(partitionsOf(described.values()));
        Map<String, Boolean> compacted = compacted(described.keySet());
        return described.values().stream()
                .sorted(Comparator.comparing(TopicDescription::name))
                .map(topic -> new TopicInfo(
                        topic.name(),
                        compacted.getOrDefault(topic.name(), false),
                        topic.partitions().stream()
                                .map(p -> new TopicInfo.Partition(
                                        p.partition(),
                                        ends.getOrDefault(new TopicPartition(topic.name(), p.partition()), 0L)))
                                .toList()))
                .toList();
    }

    /** End offsets summed per topic: what the throughput sampler compares between two samples. */
    Map<String, Long> endOffsetTotals() {
        Map<TopicPartition, Long> ends =
                endOffsets(partitionsOf(describe(topicNames()).values()));
        Map<String, Long> totals = new TreeMap<>();
        ends.forEach((partition, end) -> totals.merge(partition.topic(), end, Long::sum));
        return totals;
    }

    /** Consumer groups with their committed offsets and lag per partition, by group id. */
    List<GroupInfo> groups() {
        List<GroupListing> listings = await(
                        admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())
                .stream()
                .sorted(Comparator.comparing(GroupListing::groupId))
                .limit(MAX_GROUPS)
                .toList();
        if (listings.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = listings.stream()
                .collect(Collectors.toMap(GroupListing::groupId, g -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                await(admin.listConsumerGroupOffsets(specs).all());
        Set<TopicPartition> partitions = committed.values().stream()
                .flatMap(offsets -> offsets.keySet().stream())
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        Map<TopicPartition, Long> stableEnds = endOffsets(partitions, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> lowestCommitted = new HashMap<>();
        committed
                .values()
                .forEach(offsets -> offsets.forEach((partition, offset) -> {
                    if (offset != null) {
                        lowestCommitted.merge(partition, offset.offset(), Math::min);
                    }
                }));
        Map<TopicPartition, ReaderLag.Tail> tails = readerLag.tails(lowestCommitted, stableEnds);
        List<GroupInfo> groups = new ArrayList<>();
        for (GroupListing listing : listings) {
            List<GroupInfo.Lag> lags = new ArrayList<>();
            committed.getOrDefault(listing.groupId(), Map.of()).forEach((partition, offset) -> {
                if (offset != null && ends.containsKey(partition) && stableEnds.containsKey(partition)) {
                    long stableEnd = stableEnds.get(partition);
                    lags.add(new GroupInfo.Lag(
                            partition.topic(),
                            partition.partition(),
                            offset.offset(),
                            ends.get(partition),
                            stableEnd,
                            ReaderLag.lag(offset.offset(), stableEnd, tails.get(partition))));
                }
            });
            lags.sort(Comparator.comparing(GroupInfo.Lag::topic).thenComparingInt(GroupInfo.Lag::partition));
            String state = listing.groupState().map(Enum::name).orElse("UNKNOWN");
            groups.add(new GroupInfo(listing.groupId(), state, lags));
        }
        return groups;
    }

    /** Whether a topic of this name exists on the broker. */
    boolean exists(String topic) {
        return topicNames().contains(topic);
    }

    /** Committed offsets of one group, empty when the group has committed nothing. */
    Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata())
                .forEach((partition, offset) -> {
                    if (offset != null) {
                        offsets.put(partition, offset);
                    }
                });
        return offsets;
    }

    /** The names of every topic except Kafka's internal ones. */
    Set<String> topicNames() {
        return await(admin.listTopics().names());
    }

    private Map<String, TopicDescription> describe(Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        return await(admin.describeTopics(names).allTopicNames());
    }

    private Map<String, Boolean> compacted(Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs =
                await(admin.describeConfigs(resources).all());
        Map<String, Boolean> compacted = new HashMap<>();
        configs.forEach((resource, config) -> {
            ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            compacted.put(
                    resource.name(),
                    policy != null && policy.value() != null && policy.value().contains("compact"));
        });
        return compacted;
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        return endOffsets(partitions, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * The log end offsets ({@code READ_UNCOMMITTED}), or the last stable offsets ({@code READ_COMMITTED}): how far a
     * {@code read_committed} reader can read while a transaction is open.
     */
    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, IsolationLevel isolation) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        await(admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all())
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static Set<TopicPartition> partitionsOf(java.util.Collection<TopicDescription> topics) {
        return topics.stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while asking the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailableException("the broker did not answer: " + e.getMessage(), e);
        }
    }
}
