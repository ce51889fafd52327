package io.modstream.moderation.authors;

import io.modstream.events.AuthorKeys;
import io.modstream.events.Verdict;
import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.access.SiteAccess;
import io.modstream.moderation.access.StaffUser;
import io.modstream.moderation.review.Decisions;
import io.modstream.moderation.review.QueueItem;
import io.modstream.moderation.review.ReviewQueue;
import io.modstream.moderation.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Moderators' actions on authors: ban, suspend, pre-moderate, trust, reset; and an author's record on a site. Needs
 * the {@code MODERATOR} role on the site. The action is on {@code authors.actions} before the answer is sent; the
 * pipeline's author task, the standing's only writer, applies it before the author's comments that come after it.
 * The answer's standing is what the action makes of the standing read just before; an action another moderator
 * makes on the same author at the same moment can make the applied revision differ from it.
 */
@RestController
class AuthorController {

    private final Authors authors;
    private final ReviewQueue queue;
    private final Decisions decisions;
    private final KafkaTemplate<String, Object> kafka;
    private final SiteAccess access;
    private final Clock clock = Clock.systemUTC();

    AuthorController(
            Authors authors,
            ReviewQueue queue,
            Decisions decisions,
            KafkaTemplate<String, Object> kafka,
            SiteAccess access) {
        this.authors = authors;
        this.queue = queue;
        this.decisions = decisions;
        this.kafka = kafka;
        this.access = access;
    }

    /**
     * An author's standing and record.
     *
     * @param standing what moderators decided
     * @param history counts and recent comments
     */
    record AuthorRecord(AuthorStanding standing, AuthorHistory history) {}

    /**
     * The answer to an action.
     *
     * @param standing the author's standing now
     * @param rejectedPending how many of the author's held comments this rejected
     */
    record ActionAnswer(AuthorStanding standing, int rejectedPending) {}

    @Operation(summary = "An author's standing and record on a site")
    @GetMapping(path = "/api/v1/sites/{siteId}/authors/{authorId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuthorRecord> author(
            @PathVariable String siteId, @PathVariable @Size(max = 200) String authorId, Principal principal) {
        access.require(principal, Role.MODERATOR, siteId);
        return Mono.fromCallable(() -> {
                    AuthorState state = authors.state(siteId, authorId);
                    return new AuthorRecord(state.standing(), state.history());
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Ban, suspend, pre-moderate, trust or reset an author")
    @PostMapping(
            path = "/api/v1/sites/{siteId}/authors/{authorId}/actions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ActionAnswer> act(
            @PathVariable String siteId,
            @PathVariable @Size(max = 200) String authorId,
            Principal principal,
            @Validated @RequestBody AuthorAction action) {
        StaffUser user = access.require(principal, Role.MODERATOR, siteId);
        String problem = action.problem();
        if (problem != null) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, problem);
        }
        return Mono.fromCallable(() -> {
                    AuthorActionTaken taken = new AuthorActionTaken(
                            AuthorActionTaken.SCHEMA_VERSION,
                            siteId,
                            authorId,
                            action,
                            user.username(),
                            clock.instant());
                    // The pipeline's author task applies the action; it answers with what the standing becomes.
                    AuthorStanding standing = authors.state(siteId, authorId)
                            .afterAction(action, taken.moderator(), taken.at())
                            .standing();
                    publish(taken);
                    int rejected = action.rejectsPending() ? rejectPending(siteId, authorId, action, user) : 0;
                    return new ActionAnswer(standing, rejected);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private void publish(AuthorActionTaken taken) {
        try {
            kafka.executeInTransaction(t ->
                            t.send(AuthorActionTaken.TOPIC, AuthorKeys.of(taken.siteId(), taken.authorId()), taken))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing an author's standing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The change could not be recorded; try again.");
        }
    }

    /** Rejects the author's held comments, each as a decision of its own, so the audit trail shows each. */
    private int rejectPending(String siteId, String authorId, AuthorAction action, StaffUser user) {
        List<QueueItem> pending = queue.items(
                item -> item.siteId().equals(siteId) && item.author().id().equals(authorId));
        String reason = action.action() == AuthorAction.Kind.BAN
                ? "You can no longer comment on this site."
                : "Your comments on this site are suspended.";
        int rejected = 0;
        for (QueueItem item : pending) {
            Decisions.Outcome outcome =
                    decisions.decide(siteId, item.commentId(), Verdict.REJECT, reason, action.note(), user.username());
            if (outcome.status() == Decisions.Outcome.Status.DECIDED) {
                rejected++;
            }
        }
        return rejected;
    }
}
