package io.runledger.domain.project;

import static io.runledger.domain.shared.TestTenant.ORG;
import static io.runledger.domain.shared.TestTenant.USER;
import static io.runledger.domain.shared.Verdicts.then;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.runledger.domain.generation.Generation;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationStatus;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.SpawnedAggregates;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class ProjectTest {
    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID GEN_1 = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID GEN_2 = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    private final FixtureConfiguration<Project> fixture = new AggregateTestFixture<>(Project.class);
    private final Verdicts<Project> verdict = new Verdicts<>(fixture);
    /** The generations the project under test spawned. */
    private final SpawnedAggregates generations = SpawnedAggregates.allowSpawning(fixture, Generation.class);

    private static ProjectCreated created() {
        return new ProjectCreated(
                ORG, PROJECT, USER, details("Neon Drift", new BigDecimal("0.5")), ProjectStatus.DRAFT);
    }

    /** The created project's details, but for the two an edit below changes. */
    private static ProjectDetails details(String name, BigDecimal effectIntensity) {
        return new ProjectDetails(
                name,
                null,
                "city lights at night",
                "audio/neon.wav",
                new BigDecimal("183.4"),
                "1080p",
                "organic",
                new BigDecimal("0.6"),
                effectIntensity);
    }

    private static CreateProject create(String name, BigDecimal footageVisibility, BigDecimal effectIntensity) {
        return new CreateProject(
                ORG,
                PROJECT,
                USER,
                new ProjectDetails(
                        name,
                        null,
                        "city lights at night",
                        "audio/neon.wav",
                        new BigDecimal("183.4"),
                        null,
                        null,
                        footageVisibility,
                        effectIntensity));
    }

    private static UpdateProject update(String name, BigDecimal effectIntensity) {
        return new UpdateProject(
                PROJECT, new ProjectDetails(name, null, null, null, null, null, null, null, effectIntensity));
    }

    private static ProjectGenerationQueued queued(UUID generationId, int number, String seed) {
        return new ProjectGenerationQueued(ORG, PROJECT, generationId, number, seed, ProjectStatus.QUEUED);
    }

    private static ProjectGenerationFinished finished(UUID generationId, ProjectStatus outcome) {
        return new ProjectGenerationFinished(ORG, PROJECT, generationId, outcome);
    }

    /** Only the required fields and the audio's duration, as a client may send them. */
    private static CreateProject createBare(String prompt, String audioPath, BigDecimal audioDuration) {
        return new CreateProject(
                ORG,
                PROJECT,
                USER,
                new ProjectDetails("Neon Drift", null, prompt, audioPath, audioDuration, null, null, null, null));
    }

    private static List<Object> drafted() {
        return List.of(created());
    }

    /** The first generation queued and not finished. */
    private static List<Object> generating() {
        return then(drafted(), queued(GEN_1, 1, "seed-1"));
    }

    // CreateProject

    @Test
    void a_project_is_created_as_a_draft_with_the_default_settings() {
        fixture.givenNoPriorActivity().when(create("Neon Drift", null, null)).expectEvents(created());
    }

    @Test
    void a_project_keeps_the_settings_it_is_given() {
        ProjectDetails settings = new ProjectDetails(
                "Neon Drift",
                "a night drive",
                "city lights at night",
                "audio/neon.wav",
                null,
                "4k",
                "geometric",
                BigDecimal.ONE,
                BigDecimal.ZERO);

        fixture.givenNoPriorActivity()
                .when(new CreateProject(ORG, PROJECT, USER, settings))
                .expectEvents(new ProjectCreated(ORG, PROJECT, USER, settings, ProjectStatus.DRAFT));
    }

    @Test
    void a_project_needs_a_name() {
        verdict.refused(List.of(), create(" ", null, null), InvalidCommand.class)
                .expectExceptionMessage("name is required");
    }

    @Test
    void a_project_needs_a_prompt() {
        verdict.refused(List.of(), createBare(null, "audio/neon.wav", null), InvalidCommand.class)
                .expectExceptionMessage("prompt is required");
    }

    @Test
    void a_project_needs_an_audio_path() {
        verdict.refused(List.of(), createBare("city lights at night", "", null), InvalidCommand.class)
                .expectExceptionMessage("audioPath is required");
    }

    @Test
    void footage_visibility_above_one_is_refused() {
        verdict.refused(List.of(), create("Neon Drift", new BigDecimal("1.2"), null), InvalidCommand.class)
                .expectExceptionMessage("footageVisibility must be between 0 and 1, was 1.2");
    }

    @Test
    void a_negative_effect_intensity_is_refused() {
        verdict.refused(List.of(), create("Neon Drift", null, new BigDecimal("-0.1")), InvalidCommand.class)
                .expectExceptionMessage("effectIntensity must be between 0 and 1, was -0.1");
    }

    @Test
    void a_negative_audio_duration_is_refused() {
        verdict.refused(
                List.of(),
                createBare("city lights at night", "audio/neon.wav", new BigDecimal("-1")),
                InvalidCommand.class);
    }

    // UpdateProject

    @Test
    void an_edit_publishes_every_editable_value_as_it_now_is() {
        fixture.given(drafted())
                .when(update("Neon Drift II", new BigDecimal("0.8")))
                .expectEvents(new ProjectUpdated(ORG, PROJECT, details("Neon Drift II", new BigDecimal("0.8"))));
    }

    @Test
    void an_edit_to_the_current_values_changes_nothing() {
        verdict.changesNothing(drafted(), update("Neon Drift", new BigDecimal("0.5")));
    }

    @Test
    void an_empty_edit_changes_nothing() {
        verdict.changesNothing(drafted(), update(null, null));
    }

    @Test
    void an_edit_cannot_blank_the_name() {
        verdict.refused(drafted(), update("", null), InvalidCommand.class);
    }

    @Test
    void an_edit_cannot_push_a_ratio_out_of_range() {
        verdict.refused(drafted(), update(null, new BigDecimal("2")), InvalidCommand.class)
                .expectExceptionMessage("effectIntensity must be between 0 and 1, was 2");
    }

    // RequestGeneration

    /** The project queues the generation as its {@code number}th and spawns it, pending. */
    private void queuesAndSpawns(List<?> history, UUID generationId, int number, String seed) {
        fixture.given(history)
                .when(new RequestGeneration(PROJECT, generationId, USER, seed))
                .expectEvents(queued(generationId, number, seed));
        assertThat(generations.eventsOf(generationId))
                .containsExactly(new GenerationRequested(
                        ORG,
                        PROJECT,
                        generationId,
                        USER,
                        seed,
                        number,
                        GenerationStatus.PENDING,
                        ProjectStatus.QUEUED));
    }

    @Test
    void a_first_generation_is_queued_and_spawned() {
        queuesAndSpawns(drafted(), GEN_1, 1, "seed-1");
    }

    @Test
    void generations_are_numbered_within_the_project() {
        queuesAndSpawns(then(generating(), finished(GEN_1, ProjectStatus.FAILED)), GEN_2, 2, "seed-2");
    }

    @Test
    void a_generation_needs_a_seed() {
        verdict.refused(drafted(), new RequestGeneration(PROJECT, GEN_1, USER, " "), InvalidCommand.class);
        assertThat(generations.eventsOf(GEN_1)).isEmpty();
    }

    @Test
    void a_seed_may_have_255_characters_and_no_more() {
        verdict.refused(drafted(), new RequestGeneration(PROJECT, GEN_1, USER, "s".repeat(256)), InvalidCommand.class)
                .expectExceptionMessage("A seed may have at most 255 characters; this one has 256");
        fixture.given(drafted())
                .when(new RequestGeneration(PROJECT, GEN_1, USER, "s".repeat(255)))
                .expectEvents(queued(GEN_1, 1, "s".repeat(255)));
    }

    @Test
    void a_seed_is_used_once_per_project() {
        verdict.refused(
                then(generating(), finished(GEN_1, ProjectStatus.COMPLETED)),
                new RequestGeneration(PROJECT, GEN_2, USER, "seed-1"),
                DuplicateSeed.class);
        assertThat(generations.eventsOf(GEN_2)).isEmpty();
    }

    @Test
    void no_generation_is_requested_while_another_is_in_progress() {
        verdict.refused(generating(), new RequestGeneration(PROJECT, GEN_2, USER, "seed-2"), IllegalTransition.class)
                .expectExceptionMessage("Project " + PROJECT + " is QUEUED; cannot request a generation");
    }

    @Test
    void the_same_request_retried_changes_nothing() {
        verdict.changesNothing(generating(), new RequestGeneration(PROJECT, GEN_1, USER, "seed-1"));
        assertThat(generations.eventsOf(GEN_1)).isEmpty();
    }

    // RecordGenerationOutcome

    @Test
    void a_completed_generation_completes_the_project() {
        fixture.given(generating())
                .when(new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.COMPLETED))
                .expectEvents(finished(GEN_1, ProjectStatus.COMPLETED));
    }

    @Test
    void a_failed_generation_fails_the_project() {
        fixture.given(generating())
                .when(new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.FAILED))
                .expectEvents(finished(GEN_1, ProjectStatus.FAILED));
    }

    @Test
    void an_outcome_must_be_completed_or_failed() {
        verdict.refused(
                generating(),
                new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.RENDERING),
                InvalidCommand.class);
    }

    @Test
    void an_outcome_for_a_generation_the_project_never_requested_is_refused() {
        verdict.refused(
                generating(),
                new RecordGenerationOutcome(PROJECT, GEN_2, ProjectStatus.COMPLETED),
                UnknownGeneration.class);
    }

    @Test
    void an_outcome_delivered_again_changes_nothing() {
        verdict.changesNothing(
                then(generating(), finished(GEN_1, ProjectStatus.COMPLETED)),
                new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.COMPLETED));
    }

    @Test
    void a_stale_outcome_does_not_finish_the_current_generation() {
        verdict.changesNothing(
                then(generating(), finished(GEN_1, ProjectStatus.FAILED), queued(GEN_2, 2, "seed-2")),
                new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.FAILED));
    }
}
