package io.runledger.infra.axon;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.runledger.projections.ProjectionAdmin;
import io.runledger.projections.ProjectionAdmin.ProjectionState;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.deadletter.DeadLetters;
import org.springframework.stereotype.Component;

/**
 * The read models' lag and every processing group's parked events as gauges ({@code /actuator/prometheus}), read
 * as {@link ReadModelsHealth} reads them. One scrape reads every read model's gauges: the read models' state is
 * looked up once for all of them, and kept for {@link #FRESH_FOR}.
 */
@Component
class ReadModelMeters implements MeterBinder {

    static final String LAG_SECONDS = "runledger.read.model.lag.seconds";
    static final String LAG_EVENTS = "runledger.read.model.lag.events";
    static final String DEAD_LETTERS = "runledger.dead.letters";
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final ProjectionAdmin projections;
    private final DeadLetters deadLetters;
    private volatile Looked lastLook;

    /** @param atNanos {@link System#nanoTime()}: scrapes follow real time, whatever the application's clock says */
    private record Looked(long atNanos, Map<String, ProjectionState> states) {}

    ReadModelMeters(ProjectionAdmin projections, DeadLetters deadLetters) {
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String readModel : ReadModelProcessors.NAMES) {
            readModelGauge(
                    registry,
                    LAG_SECONDS,
                    readModel,
                    ProjectionState::lagSeconds,
                    "How long the oldest event the read model has not handled yet has waited");
            readModelGauge(
                    registry,
                    LAG_EVENTS,
                    readModel,
                    ProjectionState::lagEvents,
                    "Events in the store the read model has not handled yet");
            Gauge.builder(DEAD_LETTERS, this, meters -> meters.state(readModel).deadLetters())
                    .description("Events parked in the processing group's dead-letter queue (docs/dead-letters.md)")
                    .tag("processingGroup", readModel)
                    .register(registry);
        }
        for (String sideEffect : ProcessingGroupsConfiguration.SIDE_EFFECTS) {
            Gauge.builder(DEAD_LETTERS, deadLetters, queues -> queues.count(sideEffect))
                    .description("Events parked in the processing group's dead-letter queue (docs/dead-letters.md)")
                    .tag("processingGroup", sideEffect)
                    .register(registry);
        }
    }

    private void readModelGauge(
            MeterRegistry registry,
            String name,
            String readModel,
            ToDoubleFunction<ProjectionState> value,
            String description) {
        Gauge.builder(name, this, meters -> value.applyAsDouble(meters.state(readModel)))
                .description(description)
                .tag("readModel", readModel)
                .register(registry);
    }

    private ProjectionState state(String readModel) {
        Looked look = lastLook;
        long now = System.nanoTime();
        if (look == null || now - look.atNanos() > FRESH_FOR.toNanos()) {
            look = new Looked(
                    now,
                    projections.states().stream()
                            .collect(Collectors.toMap(ProjectionState::name, Function.identity())));
            lastLook = look;
        }
        return look.states().get(readModel);
    }
}
