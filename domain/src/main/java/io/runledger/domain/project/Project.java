package io.runledger.domain.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.generation.Generation;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.ProjectStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A music-video project: its settings, and one generation at a time, each with a seed of its own. */
public class Project {
    /** The read model indexes (project, seed); a btree entry holds about 2,700 bytes, so seeds stay well below. */
    public static final int MAX_SEED_LENGTH = 255;

    @AggregateIdentifier
    private UUID projectId;

    private UUID orgId;
    private ProjectDetails details;
    private ProjectStatus status;
    private final Map<String, UUID> generationBySeed = new HashMap<>();
    private UUID currentGenerationId;

    protected Project() {}

    @CommandHandler
    public Project(CreateProject cmd) {
        apply(new ProjectCreated(
                cmd.orgId(), cmd.projectId(), cmd.userId(), cmd.details().withDefaults(), ProjectStatus.DRAFT));
    }

    @CommandHandler
    public void handle(UpdateProject cmd) {
        ProjectDetails updated = details.updatedBy(cmd.changes());
        if (!updated.equals(details)) {
            apply(new ProjectUpdated(orgId, projectId, updated));
        }
    }

    @CommandHandler
    public void handle(RequestGeneration cmd) throws Exception {
        String seed = cmd.seed();
        if (seed == null || seed.isBlank()) {
            throw new InvalidCommand("seed is required");
        }
        if (seed.length() > MAX_SEED_LENGTH) {
            throw new InvalidCommand(
                    "A seed may have at most %d characters; this one has %d".formatted(MAX_SEED_LENGTH, seed.length()));
        }
        if (cmd.generationId().equals(generationBySeed.get(seed))) {
            return; // the same request, retried
        }
        if (status.isGenerating()) {
            throw new IllegalTransition("Project", projectId, status, "request a generation");
        }
        if (generationBySeed.containsKey(seed)) {
            throw new DuplicateSeed(projectId, seed);
        }
        int number = generationBySeed.size() + 1;
        apply(new ProjectGenerationQueued(orgId, projectId, cmd.generationId(), number, seed, ProjectStatus.QUEUED));
        createNew(
                Generation.class,
                () -> new Generation(orgId, projectId, cmd.generationId(), cmd.userId(), seed, number));
    }

    @CommandHandler
    public void handle(RecordGenerationOutcome cmd) {
        if (cmd.outcome() != ProjectStatus.COMPLETED && cmd.outcome() != ProjectStatus.FAILED) {
            throw new InvalidCommand("A generation ends COMPLETED or FAILED, not " + cmd.outcome());
        }
        if (!generationBySeed.containsValue(cmd.generationId())) {
            throw new UnknownGeneration(projectId, cmd.generationId());
        }
        if (!cmd.generationId().equals(currentGenerationId)) {
            return; // already finished: the process manager redelivered the outcome
        }
        apply(new ProjectGenerationFinished(orgId, projectId, cmd.generationId(), cmd.outcome()));
    }

    @EventSourcingHandler
    void on(ProjectCreated event) {
        projectId = event.projectId();
        orgId = event.orgId();
        status = event.status();
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProjectUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProjectGenerationQueued event) {
        generationBySeed.put(event.seed(), event.generationId());
        currentGenerationId = event.generationId();
        status = event.projectStatus();
    }

    @EventSourcingHandler
    void on(ProjectGenerationFinished event) {
        currentGenerationId = null;
        status = event.projectStatus();
    }
}
