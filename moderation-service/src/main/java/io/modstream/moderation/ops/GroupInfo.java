package io.modstream.moderation.ops;

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

    /** The lag summed over the group's partitions. */
    public long totalLag() {
        return partitions.stream().mapToLong(Lag::lag).sum();
    }

    /**
     * One partition of a group.
     *
     * @param committed the group's next offset to read
     * @param endOffset the partition's end offset
     * @param lag offsets between the two; a transactional topic's commit markers count, so an idle group reading a
     *     transactional topic shows 0, and one that is behind may show a little more than its records
     */
    record Lag(String topic, int partition, long committed, long endOffset, long lag) {}
}
