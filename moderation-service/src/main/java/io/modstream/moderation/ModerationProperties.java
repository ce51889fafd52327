package io.modstream.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of moderation-service, under {@code modstream.moderation}.
 *
 * @param topics partitions and replication of the topics this service creates
 */
@ConfigurationProperties("modstream.moderation")
@Validated
public record ModerationProperties(@Valid @DefaultValue Topics topics) {

    /** Partition count and replication factor for created topics; the defaults suit one local broker. */
    public record Topics(
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor) {}
}
