package io.runledger.infra.axon;

import java.util.List;

import io.runledger.domain.apikey.ApiKey;
import io.runledger.domain.generation.Generation;
import io.runledger.domain.org.Org;
import io.runledger.domain.pattern.Pattern;
import io.runledger.domain.project.Project;
import io.runledger.domain.run.Run;
import io.runledger.domain.subscription.Subscription;
import io.runledger.domain.user.User;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain's aggregates with Axon. The domain carries no Spring stereotypes, so they are
 * listed here: each is event sourced from the configured event store.
 */
@Configuration(proxyBeanMethods = false)
class DomainAggregatesConfiguration {

    static final List<Class<?>> AGGREGATES = List.of(
            Org.class,
            Subscription.class,
            User.class,
            Pattern.class,
            Run.class,
            Project.class,
            Generation.class,
            ApiKey.class);

    @Bean
    ConfigurerModule domainAggregates() {
        return configurer -> AGGREGATES.forEach(configurer::configureAggregate);
    }
}
