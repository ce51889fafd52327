package io.modstream.moderation.ops;

import io.modstream.moderation.limits.ExpensiveRuns;
import io.modstream.moderation.limits.ExpensiveRuns.Job;
import io.modstream.moderation.limits.ExpensiveRuns.Permit;
import io.modstream.moderation.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The operator page's API. Every call needs the {@code OPERATOR} role (see the security configuration); the page
 * reads everything here every few seconds, and the only call that changes anything is the replay.
 */
@RestController
@RequestMapping(path = "/api/v1/ops", produces = MediaType.APPLICATION_JSON_VALUE)
class OpsController {

    /** Kafka's legal topic names: a path variable that is not one is not looked up. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final BrokerView broker;
    private final Throughput throughput;
    private final DeadLetterTopics deadLetters;
    private final DeadLetterReplay replay;
    private final ExpensiveRuns runs;

    OpsController(
            BrokerView broker,
            Throughput throughput,
            DeadLetterTopics deadLetters,
            DeadLetterReplay replay,
            ExpensiveRuns runs) {
        this.broker = broker;
        this.throughput = throughput;
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.runs = runs;
    }

    @Operation(summary = "Topics with partitions, end offsets and cleanup policy")
    @GetMapping("/topics")
    Mono<List<TopicInfo>> topics() {
        return blocking(broker::topics);
    }

    @Operation(summary = "Consumer groups with committed offsets and lag per partition")
    @GetMapping("/consumer-groups")
    Mono<List<GroupInfo>> consumerGroups() {
        return blocking(broker::groups);
    }

    @Operation(summary = "Records per second per topic, sampled every 5 s over the last 15 minutes")
    @GetMapping("/throughput")
    Throughput.Series throughput() {
        return throughput.series();
    }

    @Operation(summary = "Dead-letter topics with counts and their newest records")
    @GetMapping("/dead-letters")
    Mono<List<DeadLetterTopic>> deadLetters(@RequestParam(defaultValue = "10") @Min(0) @Max(50) int newest) {
        return blocking(() -> deadLetters.all(newest));
    }

    @Operation(summary = "One dead-letter topic with counts and its newest records")
    @GetMapping("/dead-letters/{topic}")
    Mono<DeadLetterTopic> deadLetterTopic(
            @PathVariable String topic, @RequestParam(defaultValue = "10") @Min(0) @Max(50) int newest) {
        return blocking(() -> deadLetters.read(existingDeadLetterTopic(topic), newest));
    }

    @Operation(
            summary = "Replay a dead-letter topic's pending records to their source topic",
            description = "The body repeats the topic's name and the number of pending records the caller saw; "
                    + "422 when the name does not match, 409 when the number does not (nothing is sent); "
                    + "429 when as many replays as allowed are running already.")
    @PostMapping(path = "/dead-letters/{topic}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Long>> replay(
            @PathVariable String topic, @Valid @RequestBody ReplayRequest request, Principal principal) {
        if (!topic.equals(request.confirm())) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT, "confirm must repeat the dead-letter topic's name exactly.");
        }
        // The permit is held until the replay's transaction has ended, even if the client has gone.
        return blocking(() -> {
            Permit permit = runs.start(Job.REPLAY, principal.getName());
            try {
                return replayNow(topic, request);
            } finally {
                permit.release();
            }
        });
    }

    private Map<String, Long> replayNow(String topic, ReplayRequest request) {
        String deadLetterTopic = existingDeadLetterTopic(topic);
        String source = DeadLetterTopics.sourceOf(deadLetterTopic);
        if (source == null) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "This service replays only its own dead letters: " + DeadLetterTopics.REPLAYABLE + ".");
        }
        if (!broker.exists(source)) {
            throw Problems.of(HttpStatus.CONFLICT, "The source topic " + source + " does not exist.");
        }
        return Map.of("replayed", replay.replay(deadLetterTopic, source, Objects.requireNonNull(request.expected())));
    }

    @ExceptionHandler
    ErrorResponseException countChanged(DeadLetterReplay.CountChangedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        if (e.pending() >= 0) {
            problem.setProperty("pending", e.pending());
        }
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
    }

    @ExceptionHandler
    ErrorResponseException brokerUnavailable(BrokerUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private String existingDeadLetterTopic(String topic) {
        if (!TOPIC_NAME.matcher(topic).matches() || !topic.endsWith(DeadLetterTopics.SUFFIX) || !broker.exists(topic)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "No such dead-letter topic.");
        }
        return topic;
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
