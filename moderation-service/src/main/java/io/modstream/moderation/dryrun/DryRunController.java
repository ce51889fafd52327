package io.modstream.moderation.dryrun;

import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.access.SiteAccess;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.policy.Submission;
import io.modstream.moderation.sitepolicy.SitePolicies;
import io.modstream.moderation.web.Problems;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/sites/{siteId}/dry-run}: the site's policy in force applied to text, nothing published. One
 * comment as JSON, or up to {@value #MAX_LINES} as NDJSON, answered line by line in the same order as they arrive
 * (a line that is not a valid comment gets an answer with {@code error}; more lines than the limit end the stream
 * with an error). Only an admin of the site may ask.
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/dry-run")
class DryRunController {

    static final int MAX_LINES = 10_000;

    private final SitePolicies policies;
    private final SiteAccess access;
    private final Validator validator;

    DryRunController(SitePolicies policies, SiteAccess access, Validator validator) {
        this.policies = policies;
        this.access = access;
        this.validator = validator;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DryRunAnswer> one(
            @PathVariable String siteId, Principal principal, @Validated @RequestBody DryRunRequest request) {
        access.require(principal, Role.ADMIN, siteId);
        return Mono.just(answer(policies.forSite(siteId).engine(), request));
    }

    @PostMapping(consumes = MediaType.APPLICATION_NDJSON_VALUE, produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<DryRunAnswer> many(@PathVariable String siteId, Principal principal, @RequestBody Flux<DryRunRequest> lines) {
        access.require(principal, Role.ADMIN, siteId);
        PolicyEngine engine = policies.forSite(siteId).engine();
        return lines.index().map(indexed -> {
            if (indexed.getT1() >= MAX_LINES) {
                throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "At most " + MAX_LINES + " comments per request.");
            }
            DryRunRequest request = indexed.getT2();
            String invalid = validator.validate(request).stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining(", "));
            if (!invalid.isEmpty()) {
                // The answer stream has started, so a bad line is answered in place and the rest still run.
                return DryRunAnswer.invalid(request.id(), "line " + (indexed.getT1() + 1) + ": " + invalid);
            }
            return answer(engine, request);
        });
    }

    private static DryRunAnswer answer(PolicyEngine engine, DryRunRequest request) {
        Moderation moderation = engine.moderate(Submission.of(request.body()));
        return new DryRunAnswer(
                request.id(),
                moderation.verdict(),
                moderation.sanitizedText(),
                moderation.sanitizedHtml(),
                moderation.reasons(),
                moderation.policyVersion(),
                null);
    }
}
