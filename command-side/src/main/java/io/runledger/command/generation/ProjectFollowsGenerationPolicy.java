package io.runledger.command.generation;

import io.runledger.domain.generation.GenerationCompleted;
import io.runledger.domain.generation.GenerationFailed;
import io.runledger.domain.project.RecordGenerationOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When a generation ends, its project learns the outcome and may take the next generation. A streaming
 * processor with its own token delivers each outcome at least once; the project ignores repeats.
 */
@Component
@ProcessingGroup(ProjectFollowsGenerationPolicy.PROCESSING_GROUP)
public record ProjectFollowsGenerationPolicy(CommandGateway commands) {

    public static final String PROCESSING_GROUP = "project-follows-generation";

    @EventHandler
    void on(GenerationCompleted completed) {
        commands.sendAndWait(new RecordGenerationOutcome(
                completed.projectId(), completed.generationId(), completed.projectStatus()));
    }

    @EventHandler
    void on(GenerationFailed failed) {
        commands.sendAndWait(
                new RecordGenerationOutcome(failed.projectId(), failed.generationId(), failed.projectStatus()));
    }
}
