package io.runledger.infra.axon;

import java.util.List;

import io.runledger.command.access.AccessProjector;
import io.runledger.command.apikey.ApiKeyProjector;
import io.runledger.command.billing.StripeCustomerCreation;
import io.runledger.command.billing.StripeCustomers;
import io.runledger.command.billing.StripeMeterReporter;
import io.runledger.command.generation.ProjectFollowsGenerationPolicy;
import io.runledger.command.catalog.CatalogProjector;
import io.runledger.command.plan.SubscriptionProjector;
import io.runledger.command.worker.WorkQueue;
import io.runledger.projections.ReadModelProcessors;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processor settings that code, not configuration, must decide. */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /** command-side's lookup tables, written in the transaction of the events they follow. */
    static final List<String> TRANSACTIONAL_LOOKUPS = List.of(
            AccessProjector.PROCESSING_GROUP, CatalogProjector.PROCESSING_GROUP, SubscriptionProjector.PROCESSING_GROUP,
            WorkQueue.PROCESSING_GROUP, ApiKeyProjector.PROCESSING_GROUP, StripeCustomers.PROCESSING_GROUP);

    /**
     * Tracking processors, one per read model, each with its own token, which Axon stores in the transaction
     * of the batch's writes. A failing event stops its segment to retry, never skips a row. Tracking rather
     * than pooled streaming: Axon's pooled coordinator spent more CPU handing events to its workers than
     * the projectors spent handling them (BENCHMARKS.md).
     */
    @Bean
    ConfigurerModule readModelProcessors(@Value("${runledger.projections.batch-size}") int batchSize,
            @Value("${runledger.projections.segments}") int segments) {
        return configurer -> ReadModelProcessors.NAMES.forEach(group -> configurer.eventProcessing()
                .registerTrackingEventProcessor(group, configuration -> configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                .andInitialSegmentsCount(segments).andBatchSize(batchSize)
                                // a null token is the start of the store: no call to the event source at
                                // start-up, which Axon Server might not answer yet
                                .andInitialTrackingToken(source -> null))
                .registerSequencingPolicy(group, configuration -> PerTenantSequencing.INSTANCE)
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    /**
     * Processors that act on the world (Stripe, other aggregates) retry a failed event, with Axon's backoff,
     * rather than log and skip it: a skipped event would be a customer never created or usage never billed.
     */
    @Bean
    ConfigurerModule sideEffectsRetryUntilDone() {
        return configurer -> List.of(StripeCustomerCreation.PROCESSING_GROUP, StripeMeterReporter.PROCESSING_GROUP,
                        ProjectFollowsGenerationPolicy.PROCESSING_GROUP)
                .forEach(group -> configurer.eventProcessing()
                        .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    /**
     * The lookup tables guard commands, so a failure writing them (say, an email already taken) must fail
     * the command that caused it rather than be logged and skipped.
     */
    @Bean
    ConfigurerModule lookupFailuresFailTheCommand() {
        return configurer -> TRANSACTIONAL_LOOKUPS.forEach(group -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }
}
