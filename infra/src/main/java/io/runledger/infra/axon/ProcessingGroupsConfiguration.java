package io.runledger.infra.axon;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.runledger.command.access.AccessProjector;
import io.runledger.command.apikey.ApiKeyProjector;
import io.runledger.command.billing.StripeCustomerCreation;
import io.runledger.command.billing.StripeCustomers;
import io.runledger.command.billing.StripeMeterReporter;
import io.runledger.command.generation.ProjectFollowsGenerationPolicy;
import io.runledger.command.org.InvitationsFollowSignUpPolicy;
import io.runledger.command.pattern.CatalogProjector;
import io.runledger.command.subscription.SubscriptionProjector;
import io.runledger.command.worker.WorkQueue;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModels;
import io.runledger.projections.RebuiltThrough;
import io.runledger.projections.audit.AuditChainProcessor;
import io.runledger.projections.deadletter.DeadLetters;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Every processing group of the code, declared once, by kind, and each kind's processor settings: the read models
 * ({@link ReadModelProcessors#NAMES}, one tracking processor with a dead-letter queue per read model), the side
 * effects (a tracking processor each, with dead letters retried by themselves) and the command side's lookup
 * tables (subscribing, in the command's transaction). A group missing here would get Axon's defaults, which log a
 * failing event and skip it: {@code ProcessingGroupsTest} fails for any {@code @ProcessingGroup} not declared.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingGroupsConfiguration {

    /** command-side's lookup tables, written in the transaction of the events they follow. */
    static final List<String> TRANSACTIONAL_LOOKUPS = groupsOf(
            AccessProjector.class,
            CatalogProjector.class,
            SubscriptionProjector.class,
            WorkQueue.class,
            ApiKeyProjector.class,
            StripeCustomers.class);

    /**
     * Processors that act on the world (Stripe, other aggregates) rather than keep a read model, and the audit
     * chain, which is evidence: none is ever rebuilt, each follows the store once, in order, on one thread.
     */
    static final List<String> SIDE_EFFECTS = groupsOf(
            StripeCustomerCreation.class,
            StripeMeterReporter.class,
            ProjectFollowsGenerationPolicy.class,
            AuditChainProcessor.class,
            InvitationsFollowSignUpPolicy.class);

    /**
     * The processing group of a handler type as Axon assigns it: its {@code @ProcessingGroup}, also as a
     * meta-annotation ({@code @ReadModelProjector}, {@code @TransactionalLookup}) with its override.
     */
    static Optional<String> groupOf(Class<?> handlerType) {
        return AnnotationUtils.findAnnotationAttribute(handlerType, ProcessingGroup.class, "processingGroup");
    }

    private static List<String> groupsOf(Class<?>... handlerTypes) {
        return Arrays.stream(handlerTypes)
                .map(type ->
                        groupOf(type).orElseThrow(() -> new IllegalStateException(type + " has no processing group")))
                .toList();
    }

    /** Every declared processing group. */
    static Set<String> declared() {
        Set<String> groups = new HashSet<>(ReadModelProcessors.NAMES);
        groups.addAll(SIDE_EFFECTS);
        groups.addAll(TRANSACTIONAL_LOOKUPS);
        return groups;
    }

    /** The cause of a parked event as the dead-letter table has room for it. */
    private static final int CAUSE_LENGTH = ThrowableCause.TRUNCATED_MESSAGE_SIZE;

    @Bean
    ProcessorFailures processorFailures(Clock clock) {
        return new ProcessorFailures(clock);
    }

    /**
     * The read models, which users read back right after their commands, look at most every 10 ms while commits
     * keep coming: still a batch per look under load, and the lag stays far below the 150 ms aimed at.
     */
    static final Duration READ_MODELS_PAUSE = Duration.ofMillis(10);

    /**
     * The side effects look at most every 100 ms while commits keep coming: most of them handle a few kinds of
     * event, and every look that wakes them costs queries and a transaction storing their token, CPU the
     * appends and the read models need.
     */
    static final Duration SIDE_EFFECTS_PAUSE = Duration.ofMillis(100);

    /**
     * Every tracking processor follows the embedded store through {@link WakeOnCommit}: woken by commits rather
     * than after a second, other instances' told by {@link CommitNotifications}. Axon Server streams events to the
     * processors itself.
     */
    @Bean
    ConfigurerModule wakeOnCommit(ObjectProvider<CommitNotifications> acrossInstances) {
        return configurer -> {
            configurer.registerComponent(WakeOnCommit.class, configuration -> {
                WakeOnCommit source = WakeOnCommit.following(configuration.eventStore(), SIDE_EFFECTS_PAUSE);
                acrossInstances.ifAvailable(notifications -> notifications.relay(source));
                return source;
            });
            configurer
                    .eventProcessing()
                    .configureDefaultStreamableMessageSource(ProcessingGroupsConfiguration::eventSource);
        };
    }

    /** Commits of events told between the instances sharing the database, unless turned off or on Axon Server. */
    @Bean
    @ConditionalOnExpression("!${axon.axonserver.enabled:true} and ${runledger.projections.wake-across-instances}")
    CommitNotifications commitNotifications(HikariDataSource database) {
        return new CommitNotifications(database);
    }

    /** The store as the side effects (and a rebuild) follow it. */
    static StreamableMessageSource<TrackedEventMessage<?>> eventSource(
            org.axonframework.config.Configuration configuration) {
        return configuration.eventStore() instanceof EmbeddedEventStore
                ? configuration.getComponent(WakeOnCommit.class)
                : configuration.eventStore();
    }

    private static StreamableMessageSource<TrackedEventMessage<?>> readModelsSource(
            org.axonframework.config.Configuration configuration) {
        return configuration.eventStore() instanceof EmbeddedEventStore
                ? configuration.getComponent(WakeOnCommit.class).pausing(READ_MODELS_PAUSE)
                : configuration.eventStore();
    }

    /**
     * One tracking processor for every read model ({@link ReadModelProcessors#PROCESSOR}): the store is read and
     * each event decoded once for all of them, and one token, which Axon stores in the transaction of the batch's
     * writes, says where they all are. Each read model stays its own processing group, with its own dead-letter
     * queue. Tracking rather than pooled streaming: Axon's pooled coordinator spent more CPU handing events to its
     * workers than the projectors spent handling them (BENCHMARKS.md).
     */
    @Bean
    ConfigurerModule readModelProcessors(
            @Value("${runledger.projections.batch-size}") int batchSize,
            @Value("${runledger.projections.segments}") int segments,
            ProcessorFailures failures) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            ReadModelProcessors.NAMES.forEach(
                    group -> processing.assignProcessingGroup(group, ReadModelProcessors.PROCESSOR));
            processing.registerTrackingEventProcessor(
                    ReadModelProcessors.PROCESSOR,
                    ProcessingGroupsConfiguration::readModelsSource,
                    configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                            .andInitialSegmentsCount(segments)
                            .andBatchSize(batchSize)
                            .andEventTrackerStatusChangeListener(failures.listenerFor(ReadModelProcessors.PROCESSOR))
                            // a null token is the start of the store: no call to the event source at
                            // start-up, which Axon Server might not answer yet
                            .andInitialTrackingToken(source -> null));
        };
    }

    /** After a rebuild's swap, the live processor passes over what the rebuild already wrote to the new tables. */
    @Bean
    SkipRebuiltEvents skipRebuiltEvents(ObjectProvider<RebuiltThrough> rebuiltThrough) {
        return new SkipRebuiltEvents(Set.copyOf(ReadModelProcessors.NAMES), rebuiltThrough);
    }

    /**
     * Side effects that handle an event of most runs and may repeat one harmlessly take the read models' batches
     * (one transaction each, not one per event): the audit chain, which writes a row per event, and the Stripe
     * meter, whose events Stripe takes once by their id.
     */
    static final Set<String> BATCHED_SIDE_EFFECTS =
            Set.copyOf(groupsOf(AuditChainProcessor.class, StripeMeterReporter.class));

    /**
     * The side-effect processors keep Axon's defaults (one thread, from the start of the store, one event per
     * transaction: those that send commands or create Stripe customers see few events), watched the same; the
     * {@link #BATCHED_SIDE_EFFECTS} take batches.
     */
    @Bean
    ConfigurerModule sideEffectProcessors(
            ProcessorFailures failures, @Value("${runledger.projections.batch-size}") int batchSize) {
        return configurer -> SIDE_EFFECTS.forEach(group -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        group, configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCHED_SIDE_EFFECTS.contains(group) ? batchSize : 1)
                                .andEventTrackerStatusChangeListener(failures.listenerFor(group))));
    }

    /**
     * Every read model and side effect parks an event that keeps failing, with its tenant's later events behind
     * it (order kept), in a dead-letter queue in PostgreSQL ({@code dead_letter_entry}), instead of retrying it
     * for ever while every other tenant waits. Its handlers try each event {@code runledger.dead-letters.attempts}
     * times first ({@link RetryBeforeParking}); a batch that fails as a whole (a write refused at commit) is
     * retried by Axon after a second, event by event, so the failing event is found ({@link ReadModels}).
     * The queue works in nested transactions (savepoints): parking an event, or one dead letter failing again,
     * never spoils the batch it happens in.
     */
    @Bean
    ConfigurerModule deadLetterQueues(
            ConnectionProvider connections,
            PlatformTransactionManager transactions,
            DeadLetterSchema schema,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            DeadLetterProperties settings) {
        SpringTransactionManager nested = new SpringTransactionManager(
                transactions, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        EnqueuePolicy<EventMessage<?>> parkAndCount = (letter, cause) -> Decisions.enqueue(
                ThrowableCause.truncated(NestedExceptionUtils.getMostSpecificCause(cause), CAUSE_LENGTH),
                parked -> parked.diagnostics().and(DeadLetters.ATTEMPTS, attemptsOf(parked) + settings.attempts()));
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            deadLettering().forEach(group -> processing
                    .registerSequencingPolicy(group, configuration -> PerTenantSequencing.INSTANCE)
                    .registerDeadLetterQueue(group, configuration -> JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(group)
                            .connectionProvider(connections)
                            .transactionManager(nested)
                            .schema(schema)
                            .genericSerializer(serializer)
                            .eventSerializer(eventSerializer)
                            // a tenant's sequence, and the tenants parked at once, are bounded only by the database
                            .maxSequences(Integer.MAX_VALUE)
                            .maxSequenceSize(Integer.MAX_VALUE)
                            .build())
                    .registerDeadLetterPolicy(group, configuration -> parkAndCount)
                    .registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (configuration, invoker) -> invoker.transactionManager(nested)
                                    // a query per event only while the queue holds something for the tenant
                                    .enableSequenceIdentifierCache()));
        };
    }

    @Bean
    RetryBeforeParking retryBeforeParking(ReadModels models, DeadLetterProperties settings) {
        return new RetryBeforeParking(
                Set.copyOf(ReadModelProcessors.NAMES), Set.copyOf(SIDE_EFFECTS), models, settings);
    }

    /**
     * The lookup tables guard commands, so a failure writing them (say, an email already taken) must fail
     * the command that caused it rather than be logged and skipped.
     */
    @Bean
    ConfigurerModule lookupFailuresFailTheCommand() {
        return configurer -> TRANSACTIONAL_LOOKUPS.forEach(group -> configurer
                .eventProcessing()
                .registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    static List<String> deadLettering() {
        Set<String> groups = new HashSet<>(ReadModelProcessors.NAMES);
        groups.addAll(SIDE_EFFECTS);
        return List.copyOf(groups);
    }

    private static long attemptsOf(DeadLetter<?> letter) {
        return letter.diagnostics().get(DeadLetters.ATTEMPTS) instanceof Number number ? number.longValue() : 0;
    }
}
