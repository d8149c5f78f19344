package io.runledger.domain;

import static io.runledger.domain.shared.JsonRoundTrip.assertSurvivesJson;
import static io.runledger.domain.shared.JsonRoundTrip.fromJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.runledger.domain.apikey.ApiKeyIssued;
import io.runledger.domain.apikey.ApiKeyRevoked;
import io.runledger.domain.apikey.IssueApiKey;
import io.runledger.domain.apikey.RevokeApiKey;
import io.runledger.domain.generation.AudioAnalysisRecorded;
import io.runledger.domain.generation.AudioAnalysisStarted;
import io.runledger.domain.generation.CompleteGeneration;
import io.runledger.domain.generation.FailGeneration;
import io.runledger.domain.generation.GenerationCompleted;
import io.runledger.domain.generation.GenerationFailed;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationRequeued;
import io.runledger.domain.generation.GenerationStatus;
import io.runledger.domain.generation.RecordAudioAnalysis;
import io.runledger.domain.generation.RecordVisualPlan;
import io.runledger.domain.generation.RenderingStarted;
import io.runledger.domain.generation.RequeueGeneration;
import io.runledger.domain.generation.StartAudioAnalysis;
import io.runledger.domain.generation.StartRendering;
import io.runledger.domain.generation.VisualPlanRecorded;
import io.runledger.domain.operations.DeadLettersEvicted;
import io.runledger.domain.org.AcceptInvitation;
import io.runledger.domain.org.AddMember;
import io.runledger.domain.org.ChangeMemberRole;
import io.runledger.domain.org.ChangeOrgSettings;
import io.runledger.domain.org.CreateOrg;
import io.runledger.domain.org.EraseOrg;
import io.runledger.domain.org.InvitationAccepted;
import io.runledger.domain.org.InvitationExpired;
import io.runledger.domain.org.InvitationRevoked;
import io.runledger.domain.org.InvitationSent;
import io.runledger.domain.org.MemberAdded;
import io.runledger.domain.org.MemberRemoved;
import io.runledger.domain.org.MemberRoleChanged;
import io.runledger.domain.org.OrgCreated;
import io.runledger.domain.org.OrgErased;
import io.runledger.domain.org.OrgRenamed;
import io.runledger.domain.org.OrgSettingsChanged;
import io.runledger.domain.org.RemoveMember;
import io.runledger.domain.org.RenameOrg;
import io.runledger.domain.org.RevokeInvitation;
import io.runledger.domain.org.Role;
import io.runledger.domain.org.SendInvitation;
import io.runledger.domain.pattern.DeactivatePattern;
import io.runledger.domain.pattern.PatternDeactivated;
import io.runledger.domain.pattern.PatternReactivated;
import io.runledger.domain.pattern.PatternRegistered;
import io.runledger.domain.pattern.PatternUpdated;
import io.runledger.domain.pattern.ReactivatePattern;
import io.runledger.domain.pattern.RegisterPattern;
import io.runledger.domain.pattern.UpdatePattern;
import io.runledger.domain.project.CreateProject;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.project.ProjectDetails;
import io.runledger.domain.project.ProjectGenerationFinished;
import io.runledger.domain.project.ProjectGenerationQueued;
import io.runledger.domain.project.ProjectUpdated;
import io.runledger.domain.project.RecordGenerationOutcome;
import io.runledger.domain.project.RequestGeneration;
import io.runledger.domain.project.UpdateProject;
import io.runledger.domain.run.FailRun;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.OutputProduced;
import io.runledger.domain.run.ProduceOutput;
import io.runledger.domain.run.QueueRun;
import io.runledger.domain.run.RecordTokenUsage;
import io.runledger.domain.run.RequeueRun;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunQueued;
import io.runledger.domain.run.RunRequeued;
import io.runledger.domain.run.RunStarted;
import io.runledger.domain.run.RunStatus;
import io.runledger.domain.run.RunSucceeded;
import io.runledger.domain.run.StartRun;
import io.runledger.domain.run.SucceedRun;
import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.run.UsageRecorded;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.TenantEvent;
import io.runledger.domain.subscription.ActivateSubscription;
import io.runledger.domain.subscription.CancelSubscription;
import io.runledger.domain.subscription.ChangePlan;
import io.runledger.domain.subscription.LinkStripeCustomer;
import io.runledger.domain.subscription.LinkStripeSubscription;
import io.runledger.domain.subscription.MarkSubscriptionPastDue;
import io.runledger.domain.subscription.MarkSubscriptionUnpaid;
import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.ScheduleTrialEnd;
import io.runledger.domain.subscription.StartSubscription;
import io.runledger.domain.subscription.StripeCustomerLinked;
import io.runledger.domain.subscription.StripeSubscriptionLinked;
import io.runledger.domain.subscription.SubscriptionActivated;
import io.runledger.domain.subscription.SubscriptionCanceled;
import io.runledger.domain.subscription.SubscriptionIds;
import io.runledger.domain.subscription.SubscriptionMarkedPastDue;
import io.runledger.domain.subscription.SubscriptionMarkedUnpaid;
import io.runledger.domain.subscription.SubscriptionPlanChanged;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStatus;
import io.runledger.domain.subscription.TrialEnded;
import io.runledger.domain.user.AuthIdentityLinked;
import io.runledger.domain.user.AuthProvider;
import io.runledger.domain.user.EraseUser;
import io.runledger.domain.user.LinkAuthIdentity;
import io.runledger.domain.user.RegisterUser;
import io.runledger.domain.user.RenameUser;
import io.runledger.domain.user.UserErased;
import io.runledger.domain.user.UserRegistered;
import io.runledger.domain.user.UserRenamed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command and event of the domain, through Jackson and back: events are stored as JSON and commands travel
 * as JSON, so each must come back equal. A message type without a sample here fails {@link #every_message_has_a_sample}.
 */
class MessagesSurviveJsonTest {
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID KEY = UUID.randomUUID();
    private static final UUID INVITATION = UUID.randomUUID();
    private static final UUID PATTERN = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID GEN = UUID.randomUUID();
    private static final UUID RUN = UUID.randomUUID();
    private static final UUID OUTPUT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    /** JSON-shaped maps hold nulls, lists and nested maps. */
    private static Map<String, Object> json() {
        Map<String, Object> json = new HashMap<>();
        json.put("bpm", 128);
        json.put("key", null);
        json.put("beats", List.of(0.5, 1.0));
        json.put("sections", Map.of("intro", 8));
        return json;
    }

    private static ProjectDetails details(String name) {
        return new ProjectDetails(
                name,
                null,
                "lights",
                "audio/a.wav",
                new BigDecimal("12.50"),
                "1080p",
                "organic",
                new BigDecimal("0.6"),
                BigDecimal.ZERO);
    }

    static Stream<Object> messages() {
        return Stream.of(
                // api keys
                new IssueApiKey(ORG, KEY, "CI pipeline", Role.DEVELOPER, "ab12", "rlk_Ab3d", USER),
                new RevokeApiKey(KEY),
                new ApiKeyIssued(ORG, KEY, "CI pipeline", Role.DEVELOPER, "ab12", "rlk_Ab3d", USER),
                new ApiKeyRevoked(ORG, KEY),
                // orgs and their invitations
                new CreateOrg(ORG, "Acme", "acme", USER, AT),
                new RenameOrg(ORG, "Acme Labs"),
                new ChangeOrgSettings(ORG, Map.of("timezone", "UTC", "limits", Map.of("seats", 5))),
                new AddMember(ORG, USER, Role.ADMIN),
                new ChangeMemberRole(ORG, USER, Role.VIEWER),
                new RemoveMember(ORG, USER),
                new EraseOrg(ORG, "contract ended", List.of(UUID.randomUUID())),
                new SendInvitation(ORG, INVITATION, "grace@example.com", Role.VIEWER, AT),
                new AcceptInvitation(ORG, INVITATION, USER, AT),
                new RevokeInvitation(ORG, INVITATION),
                new OrgCreated(ORG, "Acme", null, USER),
                new OrgRenamed(ORG, "Acme Labs"),
                new OrgSettingsChanged(ORG, Map.of("timezone", "UTC")),
                new MemberAdded(ORG, USER, Role.OWNER),
                new MemberRoleChanged(ORG, USER, Role.OWNER, Role.ADMIN),
                new MemberRemoved(ORG, USER, Role.DEVELOPER),
                new OrgErased(ORG, "contract ended", List.of(UUID.randomUUID())),
                new InvitationSent(ORG, INVITATION, "grace@example.com", Role.VIEWER, AT),
                new InvitationAccepted(ORG, INVITATION, "grace@example.com", USER, Role.VIEWER),
                new InvitationRevoked(ORG, INVITATION, "grace@example.com"),
                new InvitationExpired(ORG, INVITATION, "grace@example.com", AT),
                // subscriptions
                new StartSubscription(ORG, AT),
                new ActivateSubscription(ORG, Plan.PRO, AT),
                new ChangePlan(ORG, Plan.TEAM),
                new MarkSubscriptionPastDue(ORG),
                new MarkSubscriptionUnpaid(ORG),
                new CancelSubscription(ORG),
                new ScheduleTrialEnd(ORG),
                new LinkStripeCustomer(ORG, "cus_1"),
                new LinkStripeSubscription(ORG, "sub_1"),
                new SubscriptionStarted(ORG, SubscriptionIds.forOrg(ORG), Plan.FREE, SubscriptionStatus.TRIALING, AT),
                new SubscriptionActivated(ORG, Plan.PRO, SubscriptionStatus.ACTIVE, AT),
                new SubscriptionPlanChanged(ORG, Plan.PRO, Plan.TEAM, SubscriptionStatus.ACTIVE),
                new SubscriptionMarkedPastDue(ORG, Plan.PRO, SubscriptionStatus.PAST_DUE),
                new SubscriptionMarkedUnpaid(ORG, Plan.PRO, SubscriptionStatus.UNPAID),
                new SubscriptionCanceled(ORG, Plan.PRO, SubscriptionStatus.CANCELED),
                new TrialEnded(ORG, Plan.FREE, SubscriptionStatus.PAUSED, AT),
                new StripeCustomerLinked(ORG, "cus_1"),
                new StripeSubscriptionLinked(ORG, "sub_2", "sub_1"),
                // users
                new RegisterUser(USER, "ada@example.com", "Ada", AuthProvider.GOOGLE, "g-1"),
                new LinkAuthIdentity(USER, AuthProvider.MAGIC, "ada@example.com"),
                new RenameUser(USER, "Ada L."),
                new EraseUser(USER, "GDPR request 2026-114", List.of(UUID.randomUUID())),
                new UserRegistered(Platform.ORG_ID, USER, "ada@example.com", "Ada"),
                new AuthIdentityLinked(Platform.ORG_ID, USER, AuthProvider.GITHUB, "gh-1"),
                new UserRenamed(Platform.ORG_ID, USER, "Ada L."),
                new UserErased(Platform.ORG_ID, USER, null, List.of(UUID.randomUUID())),
                // the pattern catalog
                new RegisterPattern(PATTERN, "summarize", "Summary", "writing", null),
                new UpdatePattern(PATTERN, null, "Shorter", null, null),
                new DeactivatePattern(PATTERN),
                new ReactivatePattern(PATTERN),
                new PatternRegistered(Platform.ORG_ID, PATTERN, "summarize", "Summary", "writing", null),
                new PatternUpdated(Platform.ORG_ID, PATTERN, "summarize", "Shorter", "writing", null),
                new PatternDeactivated(Platform.ORG_ID, PATTERN),
                new PatternReactivated(Platform.ORG_ID, PATTERN),
                // runs
                new QueueRun(ORG, RUN, USER, PATTERN, "summarize", InputSource.UPLOAD, 20, null, "req", "k"),
                new StartRun(RUN, "worker-1"),
                new ProduceOutput(RUN, OUTPUT, "text", null, "sum", List.of("a"), json()),
                new RecordTokenUsage(RUN, UUID.randomUUID(), 99),
                new SucceedRun(RUN),
                new FailRun(RUN, "boom"),
                new RequeueRun(RUN, "lease expired"),
                new RunQueued(ORG, RUN, USER, PATTERN, "summarize", InputSource.TEXT, null, "s", "req", null),
                new RunStarted(ORG, RUN, "worker-1", 2),
                new OutputProduced(ORG, RUN, OUTPUT, null, "s3://x", null, List.of("a", "b"), Map.of("tokens", 12)),
                UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.TOKENS_USED, new BigDecimal("1530"), UUID.randomUUID()),
                UsageRecorded.ofGeneration(ORG, GEN, USER, UsageMeter.RENDER_SECONDS, new BigDecimal("96")),
                new RunSucceeded(ORG, RUN, 3),
                new RunFailed(ORG, RUN, "boom", RunStatus.PROCESSING),
                new RunRequeued(ORG, RUN, "lease expired", 1),
                // projects
                new CreateProject(ORG, PROJECT, USER, details("Neon")),
                new UpdateProject(
                        PROJECT,
                        new ProjectDetails(
                                "Neon II", null, null, null, null, "4k", null, null, new BigDecimal("0.75"))),
                new RequestGeneration(PROJECT, GEN, USER, "seed-1"),
                new RecordGenerationOutcome(PROJECT, GEN, ProjectStatus.COMPLETED),
                new ProjectCreated(ORG, PROJECT, USER, details("Neon"), ProjectStatus.DRAFT),
                new ProjectUpdated(ORG, PROJECT, details("Neon II")),
                new ProjectGenerationQueued(ORG, PROJECT, GEN, 3, "seed-3", ProjectStatus.QUEUED),
                new ProjectGenerationFinished(ORG, PROJECT, GEN, ProjectStatus.FAILED),
                // generations
                new StartAudioAnalysis(GEN, "render-1"),
                new RecordAudioAnalysis(GEN, json()),
                new RecordVisualPlan(GEN, Map.of("scenes", List.of("city", "sea"))),
                new StartRendering(GEN),
                new CompleteGeneration(GEN, "s3://v.mp4", null, new BigDecimal("183.4"), 48_000_000L, 95),
                new FailGeneration(GEN, "renderer crashed"),
                new RequeueGeneration(GEN, "lease expired"),
                new GenerationRequested(
                        ORG, PROJECT, GEN, USER, "seed-1", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED),
                new AudioAnalysisStarted(
                        ORG, PROJECT, GEN, "render-1", 2, GenerationStatus.PROCESSING, ProjectStatus.ANALYZING),
                new AudioAnalysisRecorded(
                        ORG, PROJECT, GEN, json(), GenerationStatus.PROCESSING, ProjectStatus.ORCHESTRATING),
                new VisualPlanRecorded(
                        ORG,
                        PROJECT,
                        GEN,
                        Map.of("scenes", 12),
                        GenerationStatus.PROCESSING,
                        ProjectStatus.ORCHESTRATING),
                new RenderingStarted(ORG, PROJECT, GEN, GenerationStatus.PROCESSING, ProjectStatus.RENDERING),
                new GenerationRequeued(
                        ORG, PROJECT, GEN, "lease expired", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED),
                new GenerationCompleted(
                        ORG,
                        PROJECT,
                        GEN,
                        "s3://v.mp4",
                        "s3://t.jpg",
                        new BigDecimal("183.4"),
                        48_000_000L,
                        95,
                        GenerationStatus.COMPLETED,
                        ProjectStatus.COMPLETED),
                new GenerationFailed(
                        ORG, PROJECT, GEN, "renderer crashed", GenerationStatus.FAILED, ProjectStatus.FAILED),
                // operations
                new DeadLettersEvicted(
                        ORG,
                        "read-runs",
                        List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                        "fixed"),
                new DeadLettersEvicted(ORG, "read-orgs", List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survives_the_trip_through_json(Object message) {
        assertSurvivesJson(message);
    }

    @Test
    void every_command_and_event_has_a_sample() throws Exception {
        Set<Class<?>> sampled = messages().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).containsAll(messageTypes());
    }

    /** The domain's records that are events (a {@link TenantEvent}) or commands (they name their target aggregate). */
    private static Set<Class<?>> messageTypes() throws Exception {
        Path classes = Path.of(TenantEvent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.map(classes::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .toList();
            Set<Class<?>> types = new HashSet<>();
            for (String name : names) {
                Class<?> type = Class.forName(name);
                if (type.isRecord() && isMessage(type)) {
                    types.add(type);
                }
            }
            return types;
        }
    }

    private static boolean isMessage(Class<?> type) {
        return TenantEvent.class.isAssignableFrom(type)
                || Arrays.stream(type.getMethods())
                        .anyMatch(m -> m.isAnnotationPresent(TargetAggregateIdentifier.class));
    }

    @Test
    void a_usage_event_stored_before_usage_ids_and_generations_reads_without_them() {
        String stored = "{\"orgId\":\"" + ORG + "\",\"runId\":\"" + RUN + "\",\"userId\":\"" + USER
                + "\",\"meter\":\"TOKENS_USED\",\"quantity\":1530}";

        assertThat(fromJson(stored, UsageRecorded.class))
                .isEqualTo(UsageRecorded.ofRun(ORG, RUN, USER, UsageMeter.TOKENS_USED, new BigDecimal("1530"), null));
    }

    @Test
    void an_erasure_stored_before_erasures_named_invitations_reads_as_naming_none() {
        UserErased stored = fromJson(
                "{\"orgId\":\"" + Platform.ORG_ID + "\",\"userId\":\"" + USER + "\",\"reason\":null}",
                UserErased.class);

        assertThat(stored).isEqualTo(new UserErased(Platform.ORG_ID, USER, null, List.of()));
    }
}
