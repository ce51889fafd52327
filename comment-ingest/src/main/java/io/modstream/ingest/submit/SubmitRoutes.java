package io.modstream.ingest.submit;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import io.modstream.ingest.site.SubmissionGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes {@code /api/v1/comments} to {@link SubmitHandler}, and describes it for {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class SubmitRoutes {

    /** Authenticated and charged to the site's quota by {@link SubmissionGate}, which recognises this path. */
    static final String PATH = SubmissionGate.PATH;

    @Bean
    @RouterOperation(
            path = PATH,
            method = RequestMethod.POST,
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE,
            beanClass = SubmitHandler.class,
            beanMethod = "submit",
            operation =
                    @Operation(
                            operationId = "submit",
                            tags = "comment-controller",
                            summary = "Hand over a comment; 202 once Kafka holds it",
                            requestBody =
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                            required = true,
                                            content =
                                                    @Content(
                                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                            schema =
                                                                    @Schema(
                                                                            implementation =
                                                                                    SubmitCommentRequest.class),
                                                            examples =
                                                                    @ExampleObject(
                                                                            name = "comment",
                                                                            value =
                                                                                    "{\"threadId\":\"space-station\","
                                                                                            + "\"threadTitle\":\"Old rivals, one orbit\","
                                                                                            + "\"author\":{\"id\":\"reader-1\",\"name\":\"Ada\"},"
                                                                                            + "\"body\":\"Great article, <b>thanks</b>!\"}"))),
                            parameters =
                                    @io.swagger.v3.oas.annotations.Parameter(
                                            in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
                                            name = "Idempotency-Key",
                                            required = false,
                                            schema = @Schema(type = "string")),
                            responses = {
                                @ApiResponse(
                                        responseCode = "202",
                                        description = "Accepted; moderation follows",
                                        content =
                                                @Content(
                                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                        schema = @Schema(implementation = CommentAccepted.class),
                                                        examples =
                                                                @ExampleObject(
                                                                        value =
                                                                                "{\"id\":\"70d2c227-8b0e-4c1f-9a57-2f8e1c4b7d10\","
                                                                                        + "\"status\":\"PENDING\"}"))),
                                @ApiResponse(responseCode = "401", description = "No or wrong site key"),
                                @ApiResponse(responseCode = "413", description = "Body larger than the limit"),
                                @ApiResponse(
                                        responseCode = "422",
                                        description = "Invalid fields, each named in errors[]",
                                        content =
                                                @Content(
                                                        mediaType = "application/problem+json",
                                                        examples =
                                                                @ExampleObject(
                                                                        value =
                                                                                "{\"status\":422,\"title\":\"Unprocessable Content\","
                                                                                        + "\"detail\":\"The comment has invalid fields: threadId.\","
                                                                                        + "\"errors\":[{\"field\":\"threadId\","
                                                                                        + "\"message\":\"must not be blank\"}]}"))),
                                @ApiResponse(
                                        responseCode = "429",
                                        description =
                                                "The site's comment quota is spent; nothing was accepted; retry after Retry-After",
                                        content =
                                                @Content(
                                                        mediaType = "application/problem+json",
                                                        examples =
                                                                @ExampleObject(
                                                                        value =
                                                                                "{\"status\":429,\"title\":\"Too Many Requests\","
                                                                                        + "\"detail\":\"This site is over its quota of 100 "
                                                                                        + "comments a second (bursts of up to 1000); the comment "
                                                                                        + "was not accepted. Retry after 1 s.\"}"))),
                                @ApiResponse(
                                        responseCode = "503",
                                        description = "Kafka did not acknowledge in time; retry after Retry-After")
                            }))
    RouterFunction<ServerResponse> submitRoute(SubmitHandler handler) {
        return RouterFunctions.route()
                .POST(PATH, handler::submit)
                .route(path(PATH).and(method(HttpMethod.OPTIONS)), handler::options)
                .route(path(PATH), handler::notAllowed)
                .build();
    }
}
