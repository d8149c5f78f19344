package io.runledger.infra.axon;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.runledger.projections.ProjectionAdmin;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.deadletter.DeadLetters;
import org.springframework.stereotype.Component;

/**
 * The figures of {@code /actuator/health/readModels} as gauges, tagged {@code processor}: each read model's lag
 * (events and seconds) and parked events, and the side effects' parked events. A scrape reads them once: every
 * gauge of one scrape shares one look at the processors.
 */
@Component
class ReadModelMeters implements MeterBinder {

    /** Longer than a scrape takes, shorter than any scrape interval (machine time: the test clock may stand still). */
    private static final long ONE_LOOK_NANOS = 1_000_000_000L;

    private final ProjectionAdmin projections;
    private final DeadLetters deadLetters;
    private volatile Look last;

    ReadModelMeters(ProjectionAdmin projections, DeadLetters deadLetters) {
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    private record Look(long atNanos, Map<String, ProjectionAdmin.ProjectionState> states) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : ReadModelProcessors.NAMES) {
            gauge(registry, "runledger.read_model.lag.events", "Events in the store the read model has not handled yet",
                    processor, ProjectionAdmin.ProjectionState::lagEvents);
            gauge(registry, "runledger.read_model.lag.seconds", "How long the oldest event not yet handled has waited",
                    processor, ProjectionAdmin.ProjectionState::lagSeconds);
            gauge(registry, "runledger.dead_letters", "Events parked in the processor's dead-letter queue",
                    processor, ProjectionAdmin.ProjectionState::deadLetters);
        }
        for (String sideEffect : ProcessingGroupsConfiguration.SIDE_EFFECTS) {
            Gauge.builder("runledger.dead_letters", deadLetters, letters -> letters.count(sideEffect))
                    .description("Events parked in the processor's dead-letter queue")
                    .tag("processor", sideEffect).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String processor,
            ToDoubleFunction<ProjectionAdmin.ProjectionState> figure) {
        Gauge.builder(name, this, meters -> figure.applyAsDouble(meters.states().get(processor)))
                .description(description).tag("processor", processor).register(registry);
    }

    private Map<String, ProjectionAdmin.ProjectionState> states() {
        Look look = last;
        long now = System.nanoTime();
        if (look == null || now - look.atNanos() > ONE_LOOK_NANOS) {
            List<ProjectionAdmin.ProjectionState> states = projections.states();
            look = new Look(now, states.stream().collect(Collectors.toMap(ProjectionAdmin.ProjectionState::name, state -> state)));
            last = look;
        }
        return look.states();
    }
}
