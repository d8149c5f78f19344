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
import io.runledger.infra.database.DatabaseProperties;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain's aggregates with Axon. The domain carries no Spring stereotypes, so they are
 * listed here: each is event sourced from the configured event store.
 * <p>
 * {@link Run}s, which take five or more commands each, stay cached between their commands when this instance is
 * the only one that handles them: with the embedded database (its data directory's lock admits one instance), or
 * when an operator says so ({@code runledger.run-cache.enabled}). Several instances on one database each take any
 * command, so a run cached by one could be stale there: an append of a stale run fails on its sequence number,
 * but a retried command answered from stale state (a worker's repeated start) would not. A cached run holds no
 * personal data (ids, status, worker, outputs' and usage reports' ids), so an erasure has nothing in it to reach.
 */
@Configuration(proxyBeanMethods = false)
class DomainAggregatesConfiguration {

    static final List<Class<?>> AGGREGATES = List.of(
            Org.class, Subscription.class, User.class, Pattern.class, Project.class, Generation.class, ApiKey.class);

    @Bean
    ConfigurerModule domainAggregates(
            DatabaseProperties database,
            @Value("${runledger.run-cache.enabled:}") Boolean runCacheEnabled,
            @Value("${runledger.run-cache.size}") long runCacheSize) {
        boolean cacheRuns = runCacheEnabled == null ? !database.external() : runCacheEnabled;
        AggregateConfigurer<Run> runs = AggregateConfigurer.defaultConfiguration(Run.class);
        if (cacheRuns) {
            runs.configureCache(configuration -> new BoundedAggregateCache(runCacheSize));
        }
        return configurer -> {
            AGGREGATES.forEach(configurer::configureAggregate);
            configurer.configureAggregate(runs);
        };
    }
}
