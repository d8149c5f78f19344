package io.runledger.domain.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import io.runledger.domain.generation.Generation;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationStatus;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.SpawnedAggregates;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class ProjectTest {
    private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID GEN_1 = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID GEN_2 = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    private final FixtureConfiguration<Project> fixture = new AggregateTestFixture<>(Project.class);
    /** The generations the project under test spawned. */
    private final SpawnedAggregates generations = SpawnedAggregates.allowSpawning(fixture, Generation.class);

    private static ProjectCreated created() {
        return new ProjectCreated(
                ORG,
                PROJECT,
                USER,
                new ProjectDetails(
                        "Neon Drift",
                        null,
                        "city lights at night",
                        "audio/neon.wav",
                        new BigDecimal("183.4"),
                        "1080p",
                        "organic",
                        new BigDecimal("0.6"),
                        new BigDecimal("0.5")),
                ProjectStatus.DRAFT);
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
        fixture.givenNoPriorActivity()
                .when(create(" ", null, null))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("name is required")
                .expectNoEvents();
    }

    @Test
    void a_project_needs_a_prompt() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(
                        ORG,
                        PROJECT,
                        USER,
                        new ProjectDetails("Neon Drift", null, null, "audio/neon.wav", null, null, null, null, null)))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("prompt is required")
                .expectNoEvents();
    }

    @Test
    void a_project_needs_an_audio_path() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(
                        ORG,
                        PROJECT,
                        USER,
                        new ProjectDetails(
                                "Neon Drift", null, "city lights at night", "", null, null, null, null, null)))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("audioPath is required")
                .expectNoEvents();
    }

    @Test
    void footage_visibility_above_one_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("Neon Drift", new BigDecimal("1.2"), null))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("footageVisibility must be between 0 and 1, was 1.2")
                .expectNoEvents();
    }

    @Test
    void a_negative_effect_intensity_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("Neon Drift", null, new BigDecimal("-0.1")))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("effectIntensity must be between 0 and 1, was -0.1")
                .expectNoEvents();
    }

    @Test
    void a_negative_audio_duration_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(
                        ORG,
                        PROJECT,
                        USER,
                        new ProjectDetails(
                                "Neon Drift",
                                null,
                                "city lights at night",
                                "audio/neon.wav",
                                new BigDecimal("-1"),
                                null,
                                null,
                                null,
                                null)))
                .expectException(InvalidCommand.class)
                .expectNoEvents();
    }

    // UpdateProject

    @Test
    void an_edit_publishes_every_editable_value_as_it_now_is() {
        fixture.given(created())
                .when(update("Neon Drift II", new BigDecimal("0.8")))
                .expectEvents(new ProjectUpdated(
                        ORG,
                        PROJECT,
                        new ProjectDetails(
                                "Neon Drift II",
                                null,
                                "city lights at night",
                                "audio/neon.wav",
                                new BigDecimal("183.4"),
                                "1080p",
                                "organic",
                                new BigDecimal("0.6"),
                                new BigDecimal("0.8"))));
    }

    @Test
    void an_edit_to_the_current_values_changes_nothing() {
        fixture.given(created())
                .when(update("Neon Drift", new BigDecimal("0.5")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_empty_edit_changes_nothing() {
        fixture.given(created())
                .when(update(null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_edit_cannot_blank_the_name() {
        fixture.given(created())
                .when(update("", null))
                .expectException(InvalidCommand.class)
                .expectNoEvents();
    }

    @Test
    void an_edit_cannot_push_a_ratio_out_of_range() {
        fixture.given(created())
                .when(update(null, new BigDecimal("2")))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("effectIntensity must be between 0 and 1, was 2")
                .expectNoEvents();
    }

    // RequestGeneration

    @Test
    void a_first_generation_is_queued_and_spawned() {
        fixture.given(created())
                .when(new RequestGeneration(PROJECT, GEN_1, USER, "seed-1"))
                .expectEvents(queued(GEN_1, 1, "seed-1"));
        assertThat(generations.eventsOf(GEN_1))
                .containsExactly(new GenerationRequested(
                        ORG, PROJECT, GEN_1, USER, "seed-1", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED));
    }

    @Test
    void generations_are_numbered_within_the_project() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"), finished(GEN_1, ProjectStatus.FAILED))
                .when(new RequestGeneration(PROJECT, GEN_2, USER, "seed-2"))
                .expectEvents(queued(GEN_2, 2, "seed-2"));
        assertThat(generations.eventsOf(GEN_2))
                .containsExactly(new GenerationRequested(
                        ORG, PROJECT, GEN_2, USER, "seed-2", 2, GenerationStatus.PENDING, ProjectStatus.QUEUED));
    }

    @Test
    void a_generation_needs_a_seed() {
        fixture.given(created())
                .when(new RequestGeneration(PROJECT, GEN_1, USER, " "))
                .expectException(InvalidCommand.class)
                .expectNoEvents();
        assertThat(generations.eventsOf(GEN_1)).isEmpty();
    }

    @Test
    void a_seed_may_have_255_characters_and_no_more() {
        fixture.given(created())
                .when(new RequestGeneration(PROJECT, GEN_1, USER, "s".repeat(256)))
                .expectException(InvalidCommand.class)
                .expectExceptionMessage("A seed may have at most 255 characters; this one has 256")
                .expectNoEvents();
        fixture.given(created())
                .when(new RequestGeneration(PROJECT, GEN_1, USER, "s".repeat(255)))
                .expectEvents(queued(GEN_1, 1, "s".repeat(255)));
    }

    @Test
    void a_seed_is_used_once_per_project() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"), finished(GEN_1, ProjectStatus.COMPLETED))
                .when(new RequestGeneration(PROJECT, GEN_2, USER, "seed-1"))
                .expectException(DuplicateSeed.class)
                .expectNoEvents();
        assertThat(generations.eventsOf(GEN_2)).isEmpty();
    }

    @Test
    void no_generation_is_requested_while_another_is_in_progress() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"))
                .when(new RequestGeneration(PROJECT, GEN_2, USER, "seed-2"))
                .expectException(IllegalTransition.class)
                .expectExceptionMessage("Project " + PROJECT + " is QUEUED; cannot request a generation")
                .expectNoEvents();
    }

    @Test
    void the_same_request_retried_changes_nothing() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"))
                .when(new RequestGeneration(PROJECT, GEN_1, USER, "seed-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(generations.eventsOf(GEN_1)).isEmpty();
    }

    // RecordGenerationOutcome

    @Test
    void a_completed_generation_completes_the_project() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"))
                .when(new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.COMPLETED))
                .expectEvents(finished(GEN_1, ProjectStatus.COMPLETED));
    }

    @Test
    void a_failed_generation_fails_the_project() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"))
                .when(new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.FAILED))
                .expectEvents(finished(GEN_1, ProjectStatus.FAILED));
    }

    @Test
    void an_outcome_must_be_completed_or_failed() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"))
                .when(new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.RENDERING))
                .expectException(InvalidCommand.class)
                .expectNoEvents();
    }

    @Test
    void an_outcome_for_a_generation_the_project_never_requested_is_refused() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"))
                .when(new RecordGenerationOutcome(PROJECT, GEN_2, ProjectStatus.COMPLETED))
                .expectException(UnknownGeneration.class)
                .expectNoEvents();
    }

    @Test
    void an_outcome_delivered_again_changes_nothing() {
        fixture.given(created(), queued(GEN_1, 1, "seed-1"), finished(GEN_1, ProjectStatus.COMPLETED))
                .when(new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.COMPLETED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_stale_outcome_does_not_finish_the_current_generation() {
        fixture.given(
                        created(),
                        queued(GEN_1, 1, "seed-1"),
                        finished(GEN_1, ProjectStatus.FAILED),
                        queued(GEN_2, 2, "seed-2"))
                .when(new RecordGenerationOutcome(PROJECT, GEN_1, ProjectStatus.FAILED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
