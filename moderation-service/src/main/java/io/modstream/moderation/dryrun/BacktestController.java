package io.modstream.moderation.dryrun;

import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.access.SiteAccess;
import io.modstream.moderation.sitepolicy.InvalidPolicyException;
import io.modstream.moderation.sitepolicy.SitePolicies;
import io.modstream.moderation.sitepolicy.SitePolicy;
import io.modstream.moderation.web.Problems;
import java.security.Principal;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/sites/{siteId}/backtest}: how a candidate policy would have judged the site's past comments,
 * compared with the policy in force. Admins of the site only; nothing is published.
 */
@RestController
class BacktestController {

    private final SitePolicies policies;
    private final SiteAccess access;
    private final BacktestService backtests;

    BacktestController(SitePolicies policies, SiteAccess access, BacktestService backtests) {
        this.policies = policies;
        this.access = access;
        this.backtests = backtests;
    }

    @PostMapping(
            path = "/api/v1/sites/{siteId}/backtest",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<BacktestReport> backtest(
            @PathVariable String siteId, Principal principal, @Validated @RequestBody BacktestRequest request) {
        access.require(principal, Role.ADMIN, siteId);
        if (!request.from().isBefore(request.to())) {
            return Mono.error(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "'from' must be before 'to'."));
        }
        SitePolicy candidate;
        try {
            candidate = policies.candidate(request.policy());
        } catch (InvalidPolicyException e) {
            ErrorResponseException error =
                    Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "The candidate policy is invalid.");
            error.getBody().setProperty("problems", e.problems());
            return Mono.error(error);
        }
        if (!candidate.siteId().equals(siteId)) {
            return Mono.error(Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The candidate policy is for site '" + candidate.siteId() + "'."));
        }
        SitePolicy current = policies.forSite(siteId);
        SitePolicy currentForSite = current.siteId().equals(siteId)
                ? current
                : new SitePolicy(siteId, current.version(), current.engine(), current.holdFirstComments());
        int max = Objects.requireNonNullElse(request.maxComments(), 10_000);
        // Reading Kafka blocks: off the event loop.
        return Mono.fromCallable(() -> backtests.run(currentForSite, candidate, request.from(), request.to(), max))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
