package io.runledger.infra.subscription;

import io.runledger.domain.subscription.PlanCatalog;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The plans as configured ({@code runledger.plans.*}), bound once for the command side and the read models. */
@Configuration(proxyBeanMethods = false)
class PlanCatalogConfiguration {

    @Bean
    PlanCatalog planCatalog(Environment environment) {
        // the domain's record carries no Spring annotation, so it is bound here
        return Binder.get(environment)
                .bind("runledger", PlanCatalog.class)
                .orElseThrow(() -> new IllegalStateException("runledger.plans is not configured"));
    }
}
