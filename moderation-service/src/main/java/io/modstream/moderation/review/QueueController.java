package io.modstream.moderation.review;

import io.modstream.events.Verdict;
import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.access.SiteAccess;
import io.modstream.moderation.access.StaffUser;
import io.modstream.moderation.authors.AuthorHistory;
import io.modstream.moderation.authors.AuthorStanding;
import io.modstream.moderation.authors.AuthorState;
import io.modstream.moderation.authors.Authors;
import io.modstream.moderation.limits.StaffRates;
import io.modstream.moderation.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The moderators' API: the queue, one held comment with its author's record, decisions, the audit trail, and a live
 * feed of changes. Every call needs the {@code MODERATOR} role on the site concerned; a site the caller does not
 * moderate answers 404, and the queue lists only the caller's sites.
 */
@RestController
class QueueController {

    static final long HEARTBEAT_SECONDS = 20;

    private final ReviewQueue queue;
    private final Decisions decisions;
    private final Authors authors;
    private final SiteAccess access;
    private final StaffRates rates;
    private final Clock clock = Clock.systemUTC();

    QueueController(ReviewQueue queue, Decisions decisions, Authors authors, SiteAccess access, StaffRates rates) {
        this.queue = queue;
        this.decisions = decisions;
        this.authors = authors;
        this.access = access;
        this.rates = rates;
    }

    /**
     * A page of the queue.
     *
     * @param items the held comments on this page, oldest first
     * @param page the page number, from 0
     * @param size the page size asked for
     * @param total how many held comments match the filter
     */
    record QueuePage(List<QueueItem> items, int page, int size, int total) {}

    /**
     * One held comment and its author's record.
     *
     * @param item the comment
     * @param author the author's record and standing on the site
     */
    record ItemDetail(QueueItem item, AuthorView author) {}

    /**
     * An author's record as moderators see it.
     *
     * @param authorId the site's id of the author
     * @param approved comments approved
     * @param rejected comments rejected
     * @param held comments in the queue
     * @param standing what moderators decided about the author
     * @param recent the latest comments, newest first
     */
    record AuthorView(
            String authorId,
            long approved,
            long rejected,
            long held,
            AuthorStanding standing,
            List<AuthorHistory.Recent> recent) {

        static AuthorView of(AuthorHistory history, AuthorStanding standing) {
            return new AuthorView(
                    history.authorId(),
                    history.approved(),
                    history.rejected(),
                    history.held(),
                    standing,
                    history.recent());
        }
    }

    /**
     * The answer to a decision that took effect.
     *
     * @param decisionId the decision
     * @param commentId the comment
     * @param action what was decided
     * @param moderator who
     * @param decidedAt when
     */
    record DecisionAnswer(String decisionId, String commentId, Verdict action, String moderator, Instant decidedAt) {}

    /**
     * What became of one comment of a bulk decision.
     *
     * @param commentId the comment
     * @param status {@code DECIDED}, {@code CONFLICT} (someone decided first) or {@code NOT_FOUND}
     * @param decidedBy who decided, unless not found
     * @param action what they decided, unless not found
     */
    record BulkResult(
            String commentId,
            String status,
            @Nullable String decidedBy,
            @Nullable Verdict action) {}

    /**
     * The answer to a bulk decision.
     *
     * @param results one per comment, in the order asked
     */
    record BulkAnswer(List<BulkResult> results) {}

    @Operation(summary = "List the held comments of your sites, oldest first, filtered by site, reason code and age")
    @GetMapping(path = "/api/v1/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<QueuePage> list(
            Principal principal,
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(defaultValue = "0") @Min(0) long minAgeSeconds,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        StaffUser user = access.staff(principal);
        Instant heldBefore = clock.instant().minusSeconds(minAgeSeconds);
        Predicate<QueueItem> filter = item -> user.may(Role.MODERATOR, item.siteId())
                && (site == null || site.equals(item.siteId()))
                && (reason == null || item.hasReason(reason))
                && !item.heldAt().isAfter(heldBefore);
        return Mono.fromCallable(() -> {
                    List<QueueItem> matching = queue.items(filter);
                    int from = (int) Math.min((long) page * size, matching.size());
                    int to = Math.min(from + size, matching.size());
                    return new QueuePage(matching.subList(from, to), page, size, matching.size());
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "One held comment with its author's record and standing")
    @GetMapping(path = "/api/v1/sites/{siteId}/queue/{commentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ItemDetail> item(@PathVariable String siteId, @PathVariable String commentId, Principal principal) {
        access.require(principal, Role.MODERATOR, siteId);
        return Mono.fromCallable(() -> {
                    QueueItem item = queue.item(commentId)
                            .filter(held -> held.siteId().equals(siteId))
                            .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "This comment is not in the queue."));
                    AuthorState author = authors.state(siteId, item.author().id());
                    return new ItemDetail(item, AuthorView.of(author.history(), author.standing()));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Approve or reject a held comment; 409 if someone decided first")
    @PostMapping(
            path = "/api/v1/sites/{siteId}/queue/{commentId}/decision",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DecisionAnswer> decide(
            @PathVariable String siteId,
            @PathVariable String commentId,
            Principal principal,
            @Validated @RequestBody DecisionRequest request) {
        StaffUser user = access.require(principal, Role.MODERATOR, siteId);
        requireApproveOrReject(request.action());
        return Mono.fromCallable(() -> decisions.decide(
                        siteId, commentId, request.action(), request.reason(), request.note(), user.username()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(outcome -> switch (outcome.status()) {
                    case DECIDED -> answer(outcome.inForce());
                    case CONFLICT -> throw conflict(outcome.inForce());
                    case NOT_FOUND -> throw Problems.of(HttpStatus.NOT_FOUND, "This comment is not in the queue.");
                });
    }

    @Operation(
            summary = "Approve or reject up to 100 held comments",
            description = "Each comment counts as one call against the caller's rate; 429 (nothing decided) when"
                    + " the rest of the allowance does not cover them all.")
    @PostMapping(
            path = "/api/v1/sites/{siteId}/decisions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<BulkAnswer> decideAll(
            @PathVariable String siteId, Principal principal, @Validated @RequestBody BulkDecisionRequest request) {
        StaffUser user = access.require(principal, Role.MODERATOR, siteId);
        requireApproveOrReject(request.action());
        List<String> commentIds = request.commentIds().stream().distinct().toList();
        // Each comment is a decision of its own: the rate filter charged one, the rest are charged before any is made.
        rates.charge(principal.getName(), commentIds.size() - 1);
        return Mono.fromCallable(() -> {
                    List<BulkResult> results = new ArrayList<>();
                    for (String commentId : commentIds) {
                        results.add(result(
                                commentId,
                                decisions.decide(
                                        siteId,
                                        commentId,
                                        request.action(),
                                        request.reason(),
                                        request.note(),
                                        user.username())));
                    }
                    return new BulkAnswer(results);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Every decision on a comment, in order")
    @GetMapping(path = "/api/v1/sites/{siteId}/comments/{commentId}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<AuditEntry>> auditOfComment(
            @PathVariable String siteId, @PathVariable String commentId, Principal principal) {
        access.require(principal, Role.MODERATOR, siteId);
        return Mono.fromCallable(() -> queue.auditOfComment(commentId).stream()
                        .filter(entry -> entry.siteId().equals(siteId))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** A moderator's decisions on one site, newest first: for the site's admins, and for the moderator. */
    @Operation(summary = "A moderator's decisions on a site, newest first")
    @GetMapping(
            path = "/api/v1/sites/{siteId}/moderators/{username}/audit",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<AuditEntry>> auditOfModerator(
            @PathVariable String siteId, @PathVariable String username, Principal principal) {
        StaffUser user = access.staff(principal);
        if (!user.may(Role.ADMIN, siteId)
                && !(user.may(Role.MODERATOR, siteId) && user.username().equals(username))) {
            throw Problems.of(HttpStatus.NOT_FOUND, "No such site.");
        }
        return Mono.fromCallable(() -> queue.auditOfModerator(username).stream()
                        .filter(entry -> entry.siteId().equals(siteId))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Changes to the queue of the caller's sites: {@code held} with the item, {@code decided} with who decided what.
     * A comment at once (so the response starts and the browser knows it is connected) and every
     * {@value #HEARTBEAT_SECONDS} seconds after (so proxies do not close a quiet stream).
     */
    @Operation(summary = "Live changes to the queue (server-sent events: held, decided)")
    @GetMapping(path = "/api/v1/queue/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events(Principal principal) {
        StaffUser user = access.staff(principal);
        Flux<ServerSentEvent<Object>> changes = queue.events()
                .filter(event -> user.may(Role.MODERATOR, event.siteId()))
                .map(event -> ServerSentEvent.<Object>builder(event.payload())
                        .event(event.name())
                        .build());
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(Duration.ZERO, Duration.ofSeconds(HEARTBEAT_SECONDS))
                .map(tick ->
                        ServerSentEvent.<Object>builder().comment("keep-alive").build());
        return Flux.merge(changes, heartbeats);
    }

    private static void requireApproveOrReject(Verdict action) {
        if (action == Verdict.REVIEW) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "A decision is APPROVE or REJECT.");
        }
    }

    private static DecisionAnswer answer(AuditEntry decision) {
        return new DecisionAnswer(
                decision.decisionId(),
                decision.commentId(),
                decision.action(),
                decision.moderator(),
                decision.decidedAt());
    }

    private static BulkResult result(String commentId, Decisions.Outcome outcome) {
        AuditEntry inForce = outcome.decision();
        return inForce == null
                ? new BulkResult(commentId, outcome.status().name(), null, null)
                : new BulkResult(commentId, outcome.status().name(), inForce.moderator(), inForce.action());
    }

    /** 409, naming who decided first and how. */
    private static ErrorResponseException conflict(AuditEntry first) {
        String how = first.action() == Verdict.APPROVE ? "approved" : "rejected";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Already " + how + " by " + first.moderator() + ".");
        problem.setTitle("Already decided");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("decidedBy", first.moderator());
        problem.setProperty("decidedAction", first.action());
        problem.setProperty("decidedAt", first.decidedAt());
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
