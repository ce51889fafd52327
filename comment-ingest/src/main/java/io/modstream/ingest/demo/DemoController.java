package io.modstream.ingest.demo;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo site: its article page, and the small backend its comment form talks to. Each call goes on to the ingest
 * API through {@link IngestClient}; answers, problem documents included, come back as the API gave them. Hidden from
 * the ingest API's OpenAPI description: these are one site's internals, not part of the API.
 */
@Hidden
@RestController
@Profile("local")
@Validated
@RequestMapping("/demo")
class DemoController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final IngestClient ingest;
    private final Readers readers;
    private final JsonMapper json;

    DemoController(IngestClient ingest, Readers readers, JsonMapper json) {
        this.ingest = ingest;
        this.readers = readers;
        this.json = json;
    }

    /**
     * What the comment form sends; the author id comes from the reader's cookie, not from here.
     *
     * @param name the commenter's display name
     * @param body the comment
     */
    record DemoComment(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 5000) String body) {}

    @GetMapping({"", "/"})
    ResponseEntity<Resource> page(ServerWebExchange exchange) {
        readers.reader(exchange);
        return asset("index.html", HTML);
    }

    @GetMapping("/demo.css")
    ResponseEntity<Resource> stylesheet() {
        return asset("demo.css", CSS);
    }

    @GetMapping("/demo.js")
    ResponseEntity<Resource> script() {
        return asset("demo.js", JAVASCRIPT);
    }

    @PostMapping(path = "/api/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> post(@Valid @RequestBody DemoComment comment, ServerWebExchange exchange) {
        String reader = readers.reader(exchange);
        return ingest.submit(Readers.authorId(reader), comment.name(), comment.body())
                .map(answer -> {
                    if (answer.status().value() == HttpStatus.ACCEPTED.value()) {
                        JsonNode accepted = json.readTree(answer.body());
                        readers.recordPost(accepted.get("id").asString(), reader);
                    }
                    return answer.toResponse();
                });
    }

    /** Where the reader's own comment stands; another reader's comment answers 404, as if it did not exist. */
    @GetMapping(path = "/api/comments/{commentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> status(@PathVariable @Size(max = 100) String commentId, ServerWebExchange exchange) {
        if (!readers.isPostedBy(commentId, readers.reader(exchange))) {
            return Mono.error(new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "You have not posted comment " + commentId + "."),
                    null));
        }
        return ingest.status(commentId).map(IngestClient.Answer::toResponse);
    }

    @GetMapping(path = "/api/comments", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> approved() {
        return ingest.approved(50).map(IngestClient.Answer::toResponse);
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream(
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable @Size(max = 200) String lastEventId) {
        return ingest.stream(lastEventId);
    }

    private static ResponseEntity<Resource> asset(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).body(new ClassPathResource("demo/" + name));
    }
}
