package io.runledger.projections;

import java.util.Collection;

import org.axonframework.eventhandling.StreamingEventProcessor;

/** Makes the processor of a rebuild; infra's Axon configuration, which knows the event source, provides it. */
public interface RebuildProcessors {

    /**
     * A processor named {@link ReadModelProcessors#REBUILD_PROCESSOR}, not started, that feeds only the projectors
     * of {@code readModels}, from the start of the store, one thread, a failing event failing its batch (retried,
     * never skipped), with {@code inEachTransaction} run at the start of each of its transactions.
     */
    StreamingEventProcessor create(Collection<String> readModels, Runnable inEachTransaction);
}
