package io.modstream.moderation.dryrun;

import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.access.SiteAccess;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.policy.Submission;
import io.modstream.moderation.sitepolicy.SitePolicies;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/sites/{siteId}/dry-run}: the site's policy in force applied to text, nothing published. One
 * comment as JSON, or up to {@value #MAX_LINES} as NDJSON, answered line by line in the same order as they arrive
 * (a line that is not a valid comment gets an answer with {@code error}; past the limit, the last line is an error
 * that says how many were not answered). Only an admin of the site may ask.
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/dry-run")
class DryRunController {

    static final int MAX_LINES = 10_000;

    /** A comment's body is at most 20,000 characters; a line longer than this is no comment. */
    static final int MAX_LINE_BYTES = 256 * 1024;

    private static final ResolvableType STRING = ResolvableType.forClass(String.class);
    private static final StringDecoder LINES = lineDecoder();

    private final SitePolicies policies;
    private final SiteAccess access;
    private final Validator validator;
    private final JsonMapper json;

    DryRunController(SitePolicies policies, SiteAccess access, Validator validator, JsonMapper json) {
        this.policies = policies;
        this.access = access;
        this.validator = validator;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DryRunAnswer> one(
            @PathVariable String siteId, Principal principal, @Validated @RequestBody DryRunRequest request) {
        access.require(principal, Role.ADMIN, siteId);
        return Mono.just(answer(policies.forSite(siteId).engine(), request));
    }

    @PostMapping(consumes = MediaType.APPLICATION_NDJSON_VALUE, produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<DryRunAnswer> many(@PathVariable String siteId, Principal principal, ServerHttpRequest request) {
        access.require(principal, Role.ADMIN, siteId);
        PolicyEngine engine = policies.forSite(siteId).engine();
        AtomicLong lastLine = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        // Lines are read as text, one at a time, so that a line that is not a comment is answered in place and the
        // rest still run: the answer stream has started by then, and its status is 200.
        Flux<DryRunAnswer> answers = LINES.decode(request.getBody(), STRING, null, Map.of())
                .index((index, text) -> {
                    lastLine.set(index + 1);
                    return new TextLine(index + 1, text);
                })
                .filter(line -> !line.text().isBlank())
                .index()
                .handle((numbered, sink) -> {
                    if (numbered.getT1() < MAX_LINES) {
                        sink.next(answer(engine, numbered.getT2()));
                    } else if (unanswered.incrementAndGet() > MAX_LINES) {
                        sink.complete(); // counted enough; stop reading
                    }
                });
        return answers.onErrorResume(
                        DataBufferLimitException.class,
                        e -> Mono.just(DryRunAnswer.invalid(
                                null,
                                "line " + (lastLine.get() + 1) + ": longer than " + MAX_LINE_BYTES
                                        + " bytes; it and the lines after it were not answered")))
                .concatWith(Mono.fromSupplier(() -> overLimit(unanswered.get())));
    }

    private DryRunAnswer answer(PolicyEngine engine, TextLine line) {
        NdjsonLine read = NdjsonLine.read(line.number(), line.text(), json, validator);
        DryRunRequest request = read.request();
        return request == null
                ? DryRunAnswer.invalid(read.id(), Objects.requireNonNull(read.error()))
                : answer(engine, request);
    }

    /** The last line of an answer to more comments than allowed: the answers above it are not all there is. */
    private static @Nullable DryRunAnswer overLimit(long unanswered) {
        if (unanswered == 0) {
            return null;
        }
        String count = unanswered > MAX_LINES
                ? "more than " + MAX_LINES + " comments"
                : unanswered == 1 ? "1 comment" : unanswered + " comments";
        return DryRunAnswer.invalid(
                null,
                "limit exceeded: at most " + MAX_LINES + " comments per request; the first " + MAX_LINES
                        + " were answered, " + count + " after them not");
    }

    private record TextLine(long number, String text) {}

    private static StringDecoder lineDecoder() {
        StringDecoder decoder = StringDecoder.allMimeTypes();
        decoder.setMaxInMemorySize(MAX_LINE_BYTES);
        return decoder;
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
