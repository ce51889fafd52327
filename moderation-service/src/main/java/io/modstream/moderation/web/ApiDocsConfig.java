package io.modstream.moderation.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the moderators' API at {@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui.html} to
 * signed-in staff. Two ways for tools to authenticate, either on every request: HTTP Basic, and a personal API token
 * as a bearer token; the UI's "Authorize" button asks for either. Every error is an RFC 9457 problem document, and
 * the description says which errors each operation can answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static final String BASIC = "basicAuth";
    static final String API_TOKEN = "apiToken";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Set<PathItem.HttpMethod> STATE_CHANGING = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Bean
    OpenAPI moderationApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Modstream moderation API")
                        .version("v1")
                        .description("For moderators, site admins and operators, and the scripts they write: the"
                                + " review queue, decisions and their audit trail, author actions, dry runs of site"
                                + " policies, the operator's view of the pipeline, and your own API tokens. Send"
                                + " HTTP Basic or an API token (`Authorization: Bearer <token>`, made at"
                                + " `POST /api/v1/me/tokens`) on every request; no session is made for either. The"
                                + " console's session also works here, and then every state-changing call needs"
                                + " the `X-XSRF-TOKEN` header. A site you do not serve answers 404. Errors are"
                                + " RFC 9457 problem documents whose `detail` names what is wrong."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Your staff username and password; checked (BCrypt) on every"
                                                + " request"))
                        .addSecuritySchemes(
                                API_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("One of your API tokens (mst_...); acts with your roles and"
                                                + " sites")))
                // Either one: two requirements in the list are alternatives.
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(API_TOKEN));
    }

    /**
     * The errors every API operation can answer, added to what each controller declares: 401 everywhere, 400 where
     * the caller sends parameters or a body, 403 for state-changing calls (a console session without its CSRF token)
     * and for the operator's API (a missing role), 404 for a site's resources (a site you do not serve). Every 4xx and
     * 5xx, declared here or by a controller, is described as a problem document.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            // Here rather than with the other components: springdoc replaces the schemas with those it generates.
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                        item.readOperationsMap().entrySet()) {
                    addErrors(path, entry.getKey(), entry.getValue());
                }
            });
        };
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("401", problem("Not signed in, or the credentials are wrong or revoked"));
        boolean sendsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (sendsInput) {
            responses.putIfAbsent("400", problem("A parameter or the body is malformed; detail names it"));
        }
        if (STATE_CHANGING.contains(method) || path.startsWith("/api/v1/ops/")) {
            responses.putIfAbsent(
                    "403", problem("Not allowed: a role is missing, or a console session sent no CSRF token"));
        }
        if (path.contains("{siteId}")) {
            responses.putIfAbsent("404", problem("No such site among yours, or no such item on it"));
        }
        // springdoc gives a declared error the operation's answer type; errors are problem documents instead.
        responses.forEach((code, response) -> {
            boolean error = code.startsWith("4") || code.startsWith("5");
            boolean described =
                    response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON);
            if (error && response.get$ref() == null && !described) {
                response.setContent(problemContent());
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** RFC 9457, as Spring writes it; some answers add members (a 409 on a decision names who decided first). */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem document")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("No such site."))
                .addProperty("instance", new StringSchema().format("uri"));
    }
}
