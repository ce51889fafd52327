package io.modstream.ingest.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the ingest API at {@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui.html}. Every
 * endpoint takes the site's key as a bearer token; the UI's "Authorize" button asks for it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static final String SITE_KEY = "siteKey";

    @Bean
    OpenAPI ingestApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Modstream ingest API")
                        .version("v1")
                        .description("For site backends: hand over comments, read what became of them, follow a"
                                + " thread's approved comments live, and receive outcomes by signed webhook. Send"
                                + " the site's API key as `Authorization: Bearer <key>`. A thread id in a path is"
                                + " one percent-encoded segment, slashes included (`news%2F2026%2F11%2Fspace%20station`)."
                                + " Errors are RFC 9457 problem documents whose `detail` names what is wrong."))
                .components(new Components()
                        .addSecuritySchemes(
                                SITE_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The site's API key")))
                .addSecurityItem(new SecurityRequirement().addList(SITE_KEY));
    }
}
