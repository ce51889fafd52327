package io.modstream.moderation.pipeline;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.moderation.authors.AuthorActionTaken;
import io.modstream.moderation.authors.AuthorRules;
import io.modstream.moderation.authors.AuthorState;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.Submission;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The author's task: the one writer of each author's {@link AuthorState}. A new comment is moderated under the site's
 * policy with what is known of its author, and its outcome is forwarded keyed by comment id; a decision or an action
 * only changes the author's state. State and outcome are committed together (exactly-once), so a comment processed
 * again after a crash meets the state from before its first try.
 */
final class ModerateAuthorEvents implements Processor<String, AuthorEvent, String, CommentModerated> {

    private static final Logger log = LoggerFactory.getLogger(ModerateAuthorEvents.class);

    private final Function<String, SitePolicy> policies;
    private final Duration activityRetention;
    private final Clock clock;
    private final PipelineEvents events;
    private @Nullable ProcessorContext<String, CommentModerated> context;
    private @Nullable KeyValueStore<String, AuthorState> authors;

    ModerateAuthorEvents(
            Function<String, SitePolicy> policies, Duration activityRetention, Clock clock, PipelineEvents events) {
        this.policies = policies;
        this.activityRetention = activityRetention;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, CommentModerated> context) {
        this.context = context;
        this.authors = context.getStateStore(ModerationTopology.AUTHOR_STORE);
    }

    @Override
    public void process(Record<String, AuthorEvent> record) {
        AuthorEvent event = record.value();
        if (event == null) {
            return;
        }
        if (event.submitted() != null) {
            moderate(record, event.submitted());
        } else if (event.decided() != null) {
            AuthorEvent.Decided decided = event.decided();
            store().put(
                            record.key(),
                            stateOf(record.key(), decided.siteId(), decided.authorId())
                                    .afterDecision(decided.commentId(), decided.verdict()));
        } else if (event.action() != null) {
            AuthorActionTaken taken = event.action();
            store().put(
                            record.key(),
                            stateOf(record.key(), taken.siteId(), taken.authorId())
                                    .afterAction(taken.action(), taken.moderator(), taken.at()));
        }
    }

    private void moderate(Record<String, AuthorEvent> record, CommentSubmitted comment) {
        String authorId = comment.author().id();
        AuthorState author = stateOf(record.key(), comment.siteId(), authorId);
        Instant now = clock.instant();
        Moderation moderation;
        String fingerprint;
        try {
            SitePolicy policy = policies.apply(comment.siteId());
            Submission submission = new Submission(comment.body(), authorId, comment.submittedAt(), author.activity());
            moderation = AuthorRules.apply(
                    policy.engine().moderate(submission),
                    author.standing(),
                    author.history(),
                    policy.holdFirstComments(),
                    now);
            fingerprint = submission.fingerprint();
        } catch (RuntimeException fault) {
            // A bug, not the comment's fault: hold it for a person, keep the pipeline going, and say so loudly.
            log.error(
                    "Comment {} of site {} could not be moderated; held for a moderator",
                    comment.commentId(),
                    comment.siteId(),
                    fault);
            events.unchecked(comment.siteId());
            moderation = Unchecked.heldForAModerator(comment.body());
            fingerprint = "unchecked-" + comment.commentId();
        }
        CommentModerated outcome = new CommentModerated(
                CommentModerated.SCHEMA_VERSION,
                comment.commentId(),
                comment.siteId(),
                moderation.verdict(),
                moderation.reasons(),
                moderation.sanitizedText(),
                moderation.sanitizedHtml(),
                moderation.policyVersion(),
                now,
                comment);
        store().put(
                        record.key(),
                        author.afterComment(
                                comment.commentId(),
                                outcome.verdict(),
                                comment.submittedAt(),
                                moderation.sanitizedText(),
                                fingerprint,
                                activityRetention));
        // The outcome's time is when it was decided, not when the comment was submitted.
        context()
                .forward(new Record<>(
                        comment.commentId(), outcome, now.toEpochMilli(), OutcomeHeaders.from(record.headers())));
        events.moderated(outcome);
        // Kafka Streams keeps a record's timestamp through the repartition topic: this is when it was published.
        events.waited(comment.siteId(), Duration.ofMillis(now.toEpochMilli() - record.timestamp()));
        log.debug(
                "Comment {} of site {}: {} under {}",
                comment.commentId(),
                comment.siteId(),
                outcome.verdict(),
                outcome.policyVersion());
    }

    private AuthorState stateOf(String key, String siteId, String authorId) {
        AuthorState state = store().get(key);
        return state == null ? AuthorState.fresh(siteId, authorId) : state;
    }

    private KeyValueStore<String, AuthorState> store() {
        if (authors == null) {
            throw new IllegalStateException("not initialised");
        }
        return authors;
    }

    private ProcessorContext<String, CommentModerated> context() {
        if (context == null) {
            throw new IllegalStateException("not initialised");
        }
        return context;
    }
}
