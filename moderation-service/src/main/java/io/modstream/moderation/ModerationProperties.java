package io.modstream.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of moderation-service, under {@code modstream.moderation}.
 *
 * @param topics partitions and replication of the topics this service creates
 * @param users the people who may sign in: site admins and moderators, each scoped to sites, and operators
 * @param policies where site policies are read from
 * @param activity how long author activity is remembered
 * @param cluster how instances of this service talk to each other
 */
@ConfigurationProperties("modstream.moderation")
@Validated
public record ModerationProperties(
        @Valid @DefaultValue Topics topics,
        @Valid @DefaultValue List<User> users,
        @Valid @DefaultValue Policies policies,
        @Valid @DefaultValue Activity activity,
        @Valid @DefaultValue Cluster cluster) {

    /**
     * How instances answer reads for state another instance owns (an author's record lives in the store of the task
     * that owns the author's partition): they forward the read to the owner over HTTP with this token.
     *
     * @param token a secret every instance of the deployment shares; when left out each instance makes up its own,
     *     which is right for a single instance and makes forwarded reads fail with 503 for several
     */
    public record Cluster(
            @Nullable @Size(min = 16, max = 200) String token) {}

    /**
     * How much of each author's history is kept for the duplicate and flood checks.
     *
     * @param retention posts older than this are forgotten; keep it above the longest window any policy uses
     */
    public record Activity(@DefaultValue("24h") Duration retention) {}

    /**
     * Where site policies come from.
     *
     * @param directory a folder of {@code *.yml} policy files, one per site; null for the built-in default only
     * @param reloadInterval how often the folder is checked for changed files
     */
    public record Policies(
            @Nullable Path directory, @DefaultValue("10s") Duration reloadInterval) {}

    /**
     * A person who may sign in. Only a BCrypt hash of the password is configured.
     *
     * @param username the sign-in name
     * @param passwordHash a BCrypt hash, e.g. {@code $2a$12$...}; the {@code {bcrypt}} prefix is optional
     * @param roles what the user may do
     * @param sites the sites the user may act on; required for {@code ADMIN} and {@code MODERATOR}, and may be left
     *     out for a user who is only an {@code OPERATOR}, whose role covers the whole broker rather than sites
     */
    public record User(
            @NotBlank @Size(max = 100) String username,

            @NotBlank @Pattern(regexp = "(\\{bcrypt})?\\$2[aby]\\$\\d\\d\\$.{53}")
            String passwordHash,

            @NotEmpty Set<Role> roles,
            @DefaultValue Set<@NotBlank String> sites) {

        /** A site-scoped role without a site would be a user who can do nothing; that is a configuration mistake. */
        @AssertTrue(message = "ADMIN and MODERATOR need at least one site")
        public boolean isSitesGivenForSiteRoles() {
            boolean siteScoped = roles != null && (roles.contains(Role.ADMIN) || roles.contains(Role.MODERATOR));
            return !siteScoped || (sites != null && !sites.isEmpty());
        }
    }

    /** What a user may do. */
    public enum Role {
        /** Sets a site's rules: dry runs, backtests. */
        ADMIN,
        /** Works the flagged queue. */
        MODERATOR,
        /**
         * Runs the pipeline: sees every topic, consumer group and dead letter on the broker, and replays dead
         * letters. Not scoped to sites; it grants nothing on any site's queue or policy.
         */
        OPERATOR
    }

    /** Partition count and replication factor for created topics; the defaults suit one local broker. */
    public record Topics(
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor) {}
}
