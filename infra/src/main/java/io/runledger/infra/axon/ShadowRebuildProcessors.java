package io.runledger.infra.axon;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.RebuildProcessors;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The processor of a rebuild: a tracking processor, made on demand rather than configured with the others, that
 * feeds only the rebuilt read models' projectors (the same beans the live processor feeds), from the start of the
 * store, on one segment. Its handlers are the plain annotated ones: none of the live processor's enhancers (no
 * retries before parking, no dead-letter queue, no passing over rebuilt events); a failing event fails the batch,
 * which Axon retries with a growing pause and the rebuild's status shows, so nothing is skipped.
 */
@Component
record ShadowRebuildProcessors(
        Configuration axon,
        ApplicationContext context,
        TransactionManager transactions,
        @Value("${runledger.projections.batch-size}") int batchSize)
        implements RebuildProcessors {

    @Override
    public StreamingEventProcessor create(Collection<String> readModels, Runnable inEachTransaction) {
        List<Object> projectors = Arrays.stream(context.getBeanNamesForAnnotation(ProcessingGroup.class))
                .filter(name -> readModels.contains(context.findAnnotationOnBean(name, ProcessingGroup.class)
                        .value()))
                .map(context::getBean)
                .toList();
        TransactionManager inShadow = () -> {
            Transaction transaction = transactions.startTransaction();
            inEachTransaction.run();
            return transaction;
        };
        return TrackingEventProcessor.builder()
                .name(ReadModelProcessors.REBUILD_PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projectors)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(ProcessingGroupsConfiguration.eventSource(axon))
                .tokenStore(axon.eventProcessingConfiguration().tokenStore(ReadModelProcessors.PROCESSOR))
                .transactionManager(inShadow)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(source -> null))
                .build();
    }
}
