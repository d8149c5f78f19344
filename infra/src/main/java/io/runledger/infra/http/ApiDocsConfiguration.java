package io.runledger.infra.http;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}), generated from the controllers
 * and completed by {@link ApiContract}; the full-stack tests hold every answer to it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI runledgerApi() {
        return new OpenAPI()
                .info(new Info().title("Runledger API").version("v1")
                        .description("Paid AI runs and generations for multi-tenant orgs. Commands answer 201/202 with a "
                                + "Location, or 204; every answer carries an X-Request-Id; errors are "
                                + "application/problem+json with a stable type (docs/errors.md)."))
                // the service's own address, wherever it runs
                .servers(List.of(new Server().url("/").description("This service")));
    }

    @Bean
    OperationCustomizer runledgerOperations() {
        return ApiContract.operations();
    }

    @Bean
    PropertyCustomizer runledgerNullableFields() {
        return ApiContract.nullableFields();
    }

    @Bean
    OpenApiCustomizer runledgerDocument() {
        return ApiContract.document();
    }
}
