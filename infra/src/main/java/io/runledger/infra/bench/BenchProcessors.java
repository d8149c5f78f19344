package io.runledger.infra.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.runledger.projections.ReadModelProcessors;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * The application's event processors, stopped while the store is loaded and started one phase at a time, so that
 * the read models' catch-up is measured alone rather than beside the side effects (the audit chain, the Stripe
 * meter…) catching up the same load.
 */
@Component
record BenchProcessors(Configuration axon) {

    private EventProcessingConfiguration processing() {
        return axon.eventProcessingConfiguration();
    }

    void stopAll() {
        processing().eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    void startReadModels() {
        processing().eventProcessor(ReadModelProcessors.PROCESSOR).orElseThrow().start();
    }

    /** Starts every other processor and waits until each has reached the head of the store: the seconds it took. */
    double catchUpSideEffects() throws InterruptedException {
        long started = System.nanoTime();
        Map<String, EventProcessor> sideEffects = new HashMap<>(processing().eventProcessors());
        sideEffects.remove(ReadModelProcessors.PROCESSOR);
        sideEffects.values().forEach(EventProcessor::start);
        while (!sideEffects.values().stream().allMatch(BenchProcessors::caughtUp)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static boolean caughtUp(EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return true;
        }
        Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
        return !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
