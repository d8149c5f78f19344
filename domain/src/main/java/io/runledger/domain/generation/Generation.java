package io.runledger.domain.generation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.run.UsageRecorded;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One render of a project: audio analysis, visual plan, rendering, then completed or failed. A step
 * repeated while its result is still the current stage (a worker's retry) changes nothing. A completed
 * generation is billed: one {@code generations.completed} and its {@code render.seconds}, the time from its
 * rendering start to its completion as the store records them, in whole seconds rounded up (a started
 * second counts). A failed generation bills nothing.
 */
public class Generation {
    @AggregateIdentifier
    private UUID generationId;

    private UUID orgId;
    private UUID projectId;
    private UUID userId;
    private Stage stage;
    private String workerId;
    private int attempt;
    private Map<String, Object> audioAnalysis;
    private Map<String, Object> visualPlan;
    private Instant renderingStartedAt;
    private Instant completedAt;

    protected Generation() {}

    /** Only its {@code Project} creates a generation: the project owns the numbering and the seed rule. */
    public Generation(UUID orgId, UUID projectId, UUID generationId, UUID userId, String seed, int generationNumber) {
        apply(new GenerationRequested(
                orgId,
                projectId,
                generationId,
                userId,
                seed,
                generationNumber,
                Stage.REQUESTED.status,
                Stage.REQUESTED.projectStatus));
    }

    @CommandHandler
    public void handle(StartAudioAnalysis cmd) {
        if (cmd.workerId() == null || cmd.workerId().isBlank()) {
            throw new InvalidCommand("workerId is required");
        }
        if (stage == Stage.ANALYZING && cmd.workerId().equals(workerId)) {
            return;
        }
        require(Stage.REQUESTED, "start its audio analysis");
        apply(new AudioAnalysisStarted(
                orgId,
                projectId,
                generationId,
                cmd.workerId(),
                attempt + 1,
                Stage.ANALYZING.status,
                Stage.ANALYZING.projectStatus));
    }

    @CommandHandler
    public void handle(RecordAudioAnalysis cmd) {
        requireContent(cmd.audioAnalysis(), "audioAnalysis");
        if (stage == Stage.ORCHESTRATING && cmd.audioAnalysis().equals(audioAnalysis)) {
            return;
        }
        require(Stage.ANALYZING, "record its audio analysis");
        apply(new AudioAnalysisRecorded(
                orgId,
                projectId,
                generationId,
                cmd.audioAnalysis(),
                Stage.ORCHESTRATING.status,
                Stage.ORCHESTRATING.projectStatus));
    }

    @CommandHandler
    public void handle(RecordVisualPlan cmd) {
        requireContent(cmd.visualPlan(), "visualPlan");
        if (stage == Stage.ORCHESTRATING && cmd.visualPlan().equals(visualPlan)) {
            return;
        }
        // a different plan while still orchestrating is a revision, recorded like the first
        require(Stage.ORCHESTRATING, "record its visual plan");
        apply(new VisualPlanRecorded(
                orgId,
                projectId,
                generationId,
                cmd.visualPlan(),
                Stage.ORCHESTRATING.status,
                Stage.ORCHESTRATING.projectStatus));
    }

    @CommandHandler
    public void handle(StartRendering cmd) {
        if (stage == Stage.RENDERING) {
            return;
        }
        require(Stage.ORCHESTRATING, "start rendering it");
        if (visualPlan == null) {
            throw new VisualPlanMissing(generationId);
        }
        apply(new RenderingStarted(
                orgId, projectId, generationId, Stage.RENDERING.status, Stage.RENDERING.projectStatus));
    }

    @CommandHandler
    public void handle(CompleteGeneration cmd) {
        if (cmd.videoUrl() == null || cmd.videoUrl().isBlank()) {
            throw new InvalidCommand("videoUrl is required");
        }
        if ((cmd.durationSeconds() != null && cmd.durationSeconds().signum() < 0)
                || (cmd.fileSizeBytes() != null && cmd.fileSizeBytes() < 0)
                || (cmd.renderTimeSeconds() != null && cmd.renderTimeSeconds() < 0)) {
            throw new InvalidCommand("durationSeconds, fileSizeBytes and renderTimeSeconds must not be negative");
        }
        if (stage == Stage.COMPLETED) {
            return;
        }
        require(Stage.RENDERING, "complete it");
        apply(new GenerationCompleted(
                orgId,
                projectId,
                generationId,
                cmd.videoUrl(),
                cmd.thumbnailUrl(),
                cmd.durationSeconds(),
                cmd.fileSizeBytes(),
                cmd.renderTimeSeconds(),
                Stage.COMPLETED.status,
                Stage.COMPLETED.projectStatus));
        apply(UsageRecorded.ofGeneration(
                orgId, generationId, userId, UsageMeter.GENERATIONS_COMPLETED, BigDecimal.ONE));
        apply(UsageRecorded.ofGeneration(
                orgId,
                generationId,
                userId,
                UsageMeter.RENDER_SECONDS,
                BigDecimal.valueOf(renderSeconds(Duration.between(renderingStartedAt, completedAt)))));
    }

    /** Billed by the started second, so a render always costs at least one (even across clocks a little apart). */
    private static long renderSeconds(Duration rendering) {
        long started = rendering.toNanosPart() == 0 ? rendering.toSeconds() : rendering.toSeconds() + 1;
        return Math.max(1, started);
    }

    @CommandHandler
    public void handle(FailGeneration cmd) {
        if (cmd.errorMessage() == null || cmd.errorMessage().isBlank()) {
            throw new InvalidCommand("errorMessage is required");
        }
        if (stage == Stage.FAILED) {
            return;
        }
        if (stage == Stage.COMPLETED) {
            throw new IllegalTransition("Generation", generationId, stage, "fail it");
        }
        apply(new GenerationFailed(
                orgId, projectId, generationId, cmd.errorMessage(), Stage.FAILED.status, Stage.FAILED.projectStatus));
    }

    @CommandHandler
    public void handle(RequeueGeneration cmd) {
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw new InvalidCommand("reason is required");
        }
        if (stage == Stage.REQUESTED || stage == Stage.COMPLETED || stage == Stage.FAILED) {
            throw new IllegalTransition("Generation", generationId, stage, "requeue it");
        }
        apply(new GenerationRequeued(
                orgId,
                projectId,
                generationId,
                cmd.reason(),
                attempt,
                Stage.REQUESTED.status,
                Stage.REQUESTED.projectStatus));
    }

    private void require(Stage expected, String attempted) {
        if (stage != expected) {
            throw new IllegalTransition("Generation", generationId, stage, attempted);
        }
    }

    private static void requireContent(Map<String, Object> value, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCommand(field + " must not be empty");
        }
    }

    @EventSourcingHandler
    void on(GenerationRequested event) {
        generationId = event.generationId();
        orgId = event.orgId();
        projectId = event.projectId();
        userId = event.userId();
        stage = Stage.REQUESTED;
    }

    @EventSourcingHandler
    void on(AudioAnalysisStarted event) {
        stage = Stage.ANALYZING;
        workerId = event.workerId();
        attempt = event.attempt();
    }

    @EventSourcingHandler
    void on(AudioAnalysisRecorded event) {
        stage = Stage.ORCHESTRATING;
        audioAnalysis = event.audioAnalysis();
    }

    @EventSourcingHandler
    void on(VisualPlanRecorded event) {
        visualPlan = event.visualPlan();
    }

    @EventSourcingHandler
    void on(RenderingStarted event, @Timestamp Instant at) {
        stage = Stage.RENDERING;
        renderingStartedAt = at;
    }

    @EventSourcingHandler
    void on(GenerationCompleted event, @Timestamp Instant at) {
        stage = Stage.COMPLETED;
        completedAt = at;
    }

    /** The next attempt starts over: a fresh analysis and plan from whichever worker claims it. */
    @EventSourcingHandler
    void on(GenerationRequeued event) {
        stage = Stage.REQUESTED;
        workerId = null;
        audioAnalysis = null;
        visualPlan = null;
    }

    @EventSourcingHandler
    void on(GenerationFailed event) {
        stage = Stage.FAILED;
    }
}
