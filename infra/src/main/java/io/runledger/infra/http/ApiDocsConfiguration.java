package io.runledger.infra.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}), generated from the controllers. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI runledgerApi() {
        return new OpenAPI()
                .info(new Info().title("Runledger API").version("v1")
                        .description("Commands answer 201/202 with a Location; errors are application/problem+json."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
