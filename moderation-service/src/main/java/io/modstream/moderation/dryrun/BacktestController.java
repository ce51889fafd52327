package io.modstream.moderation.dryrun;

import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.access.SiteAccess;
import io.modstream.moderation.limits.ExpensiveRuns;
import io.modstream.moderation.limits.ExpensiveRuns.Permit;
import io.modstream.moderation.sitepolicy.InvalidPolicyException;
import io.modstream.moderation.sitepolicy.SitePolicies;
import io.modstream.moderation.sitepolicy.SitePolicy;
import io.modstream.moderation.web.Problems;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/sites/{siteId}/backtest}: how a candidate policy would have judged the site's past comments,
 * compared with the policy in force. Admins of the site only; nothing is published. Asked with {@code Accept:
 * application/x-ndjson}, it streams its progress before the report, so a long range is never a wait in the dark.
 * Only so many backtests run at once ({@link ExpensiveRuns}); one more is refused with 429.
 */
@RestController
class BacktestController {

    private static final String PATH = "/api/v1/sites/{siteId}/backtest";

    private final SitePolicies policies;
    private final SiteAccess access;
    private final BacktestService backtests;
    private final ExpensiveRuns runs;

    BacktestController(SitePolicies policies, SiteAccess access, BacktestService backtests, ExpensiveRuns runs) {
        this.policies = policies;
        this.access = access;
        this.backtests = backtests;
        this.runs = runs;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<BacktestReport> backtest(
            @PathVariable String siteId, Principal principal, @Validated @RequestBody BacktestRequest request) {
        Job job = job(siteId, principal, request);
        // Reading Kafka blocks: off the event loop. The permit is held while the backtest runs, to its end even if
        // the client has gone (this answer has no progress callback to notice that).
        return Mono.fromCallable(() -> {
                    Permit permit = runs.start(ExpensiveRuns.Job.BACKTEST, principal.getName());
                    try {
                        return backtests.run(job.current(), job.candidate(), request.from(), request.to(), job.max());
                    } finally {
                        permit.release();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The same backtest, streamed: a {@code progress} line before reading and about every second, then one
     * {@code report} line. A client that goes away stops the backtest (at its next progress line), which then gives
     * back its permit; a refusal comes before the first line, so it is still a problem answer.
     */
    @PostMapping(
            path = PATH,
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<Map<String, Object>> backtestWithProgress(
            @PathVariable String siteId, Principal principal, @Validated @RequestBody BacktestRequest request) {
        Job job = job(siteId, principal, request);
        return Flux.<Map<String, Object>>create(sink -> {
                    Permit permit = runs.start(ExpensiveRuns.Job.BACKTEST, principal.getName());
                    try {
                        BacktestReport report = backtests.run(
                                job.current(), job.candidate(), request.from(), request.to(), job.max(), progress -> {
                                    sink.next(Map.of("progress", progress));
                                    return !sink.isCancelled();
                                });
                        sink.next(Map.of("report", report));
                    } finally {
                        permit.release();
                    }
                    sink.complete();
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Checks the request before anything is read, so that every refusal is a problem answer, not a stream. */
    private Job job(String siteId, Principal principal, BacktestRequest request) {
        access.require(principal, Role.ADMIN, siteId);
        if (!request.from().isBefore(request.to())) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "'from' must be before 'to'.");
        }
        SitePolicy candidate;
        try {
            candidate = policies.candidate(request.policy());
        } catch (InvalidPolicyException e) {
            ErrorResponseException error =
                    Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "The candidate policy is invalid.");
            error.getBody().setProperty("problems", e.problems());
            throw error;
        }
        if (!candidate.siteId().equals(siteId)) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT, "The candidate policy is for site '" + candidate.siteId() + "'.");
        }
        SitePolicy current = policies.forSite(siteId);
        SitePolicy currentForSite = current.siteId().equals(siteId)
                ? current
                : new SitePolicy(siteId, current.version(), current.engine(), current.holdFirstComments());
        return new Job(currentForSite, candidate, Objects.requireNonNullElse(request.maxComments(), 10_000));
    }

    private record Job(SitePolicy current, SitePolicy candidate, int max) {}
}
