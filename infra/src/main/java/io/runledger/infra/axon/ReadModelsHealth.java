package io.runledger.infra.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.runledger.projections.ProjectionAdmin;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.deadletter.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/readModels} (platform admins): every read model's and side effect's processor with its
 * lag, running state and parked events. DOWN when one has stopped, or has failed for longer than
 * {@code runledger.dead-letters.stuck-after} without getting past the failure: parked events alone leave it UP,
 * since every other tenant goes on; they are counted here and listed by the dead-letter API.
 */
/* Spring Boot names the health component after the bean, less "HealthIndicator": readModels. */
@Component("readModelsHealthIndicator")
class ReadModelsHealth extends AbstractHealthIndicator {

    private final ProjectionAdmin projections;
    private final DeadLetters deadLetters;
    private final ProcessorFailures failures;
    private final EventProcessingConfiguration processing;
    private final DeadLetterProperties settings;
    private final Clock clock;

    ReadModelsHealth(
            ProjectionAdmin projections,
            DeadLetters deadLetters,
            ProcessorFailures failures,
            EventProcessingConfiguration processing,
            DeadLetterProperties settings,
            Clock clock) {
        super("Read models could not be checked");
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.failures = failures;
        this.processing = processing;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean healthy = true;
        Instant now = clock.instant();
        for (ProjectionAdmin.ProjectionState state : projections.states()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", state.running());
            details.put("replaying", state.replaying());
            details.put("position", state.position());
            details.put("lagEvents", state.lagEvents());
            details.put("lagSeconds", state.lagSeconds());
            details.put("deadLetters", state.deadLetters());
            healthy &= describeFailure(ReadModelProcessors.PROCESSOR, state.running(), now, details);
            health.withDetail(state.name(), details);
        }
        for (String sideEffect : ProcessingGroupsConfiguration.SIDE_EFFECTS) {
            boolean running = processing
                    .eventProcessor(sideEffect)
                    .map(EventProcessor::isRunning)
                    .orElse(false);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", running);
            details.put("deadLetters", deadLetters.count(sideEffect));
            healthy &= describeFailure(sideEffect, running, now, details);
            health.withDetail(sideEffect, details);
        }
        health.status(healthy ? "UP" : "DOWN");
    }

    /** Adds since when the processor fails, if it does; false if it has stopped or is stuck. */
    private boolean describeFailure(String processor, boolean running, Instant now, Map<String, Object> details) {
        Optional<Instant> failingSince = failures.failingSince(processor);
        failingSince.ifPresent(since -> details.put("failingSince", since));
        boolean stuck = failingSince
                .filter(since -> Duration.between(since, now).compareTo(settings.stuckAfter()) > 0)
                .isPresent();
        if (stuck) {
            details.put("stuck", true);
        }
        return running && !stuck;
    }
}
