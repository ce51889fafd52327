package io.modstream.moderation.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A consumer group with how far behind it is.
 *
 * @param groupId the group
 * @param state the broker's word for it: {@code STABLE}, {@code EMPTY}, {@code RECONCILING}, ...
 * @param partitions the partitions it has committed offsets for
 */
record GroupInfo(String groupId, String state, List<Lag> partitions) {

    GroupInfo {
        partitions = List.copyOf(partitions);
    }

    /** The lag summed over the group's partitions; a property of the JSON, as the page shows it per group. */
    @JsonProperty
    public long totalLag() {
        return partitions.stream().mapToLong(Lag::lag).sum();
    }

    /**
     * One partition of a group.
     *
     * @param committed the group's next offset to read
     * @param endOffset the partition's log end offset (the offset the next record will get)
     * @param stableOffset the partition's last stable offset: where a {@code read_committed} reader stops, before
     *     the first record of a transaction still open; equal to {@code endOffset} when none is
     * @param lag the records a {@code read_committed} reader would still get between {@code committed} and
     *     {@code stableOffset}: transaction markers and aborted records do not count, so an idle group that has read
     *     everything shows 0 ({@link ReaderLag}, which also says when this is an upper bound)
     */
    record Lag(String topic, int partition, long committed, long endOffset, long stableOffset, long lag) {}
}
