package io.modstream.moderation.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A topic as the operator page shows it.
 *
 * @param name the topic
 * @param compacted whether its cleanup policy includes compaction
 * @param partitions each partition with its end offset (the offset the next record will get)
 */
record TopicInfo(String name, boolean compacted, List<Partition> partitions) {

    TopicInfo {
        partitions = List.copyOf(partitions);
    }

    /**
     * The sum of the partitions' end offsets: every record ever written, transaction markers included. A property of
     * the JSON: the page shows it per topic.
     */
    @JsonProperty
    public long endOffsetTotal() {
        return partitions.stream().mapToLong(Partition::endOffset).sum();
    }

    record Partition(int partition, long endOffset) {}
}
