package io.runledger.infra.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Points Axon's JDBC storage engine, token store, saga store and dead-letter queue at the snake_case
 * tables that Flyway creates ({@code projections-sql/.../V1__axon_event_store.sql}). Axon's
 * auto-configuration builds the stores themselves from these schemas.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String OPTIMIZE_EVENT_CONSUMPTION = "optimize-event-consumption";

    static {
        // Each tracking processor reads the store on its own. Axon's default shares one cache of recent events
        // between processors at the head, but a slow one keeps every event since its position on the heap: a
        // 1,000,000-event catch-up ran out of 1 GB (BENCHMARKS.md). Axon's embedded event store reads only this
        // system property, when it is built; with Axon Server the server streams events and it does not apply.
        if (System.getProperty(OPTIMIZE_EVENT_CONSUMPTION) == null) {
            System.setProperty(OPTIMIZE_EVENT_CONSUMPTION, "false");
        }
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC default recognises a duplicate key only as {@code SQLIntegrityConstraintViolationException},
     * which the PostgreSQL driver never throws; by SQLState, a second writer of the same aggregate version
     * becomes the {@code ConcurrencyException} (or, for a new stream, {@code AggregateStreamCreationException})
     * callers can act on, instead of an anonymous storage error.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, with the claim owner configurable: Axon names
     * the owner after the JVM, so two instances in one JVM (tests) would both believe they hold every claim,
     * and operators can tell their instances apart in {@code token_entry.owner}.
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connections,
            Serializer serializer,
            TokenSchema schema,
            TokenStoreProperties properties,
            @Value("${runledger.instance-id:}") String instanceId) {
        JdbcTokenStore.Builder tokenStore = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout());
        return (instanceId.isBlank() ? tokenStore : tokenStore.nodeId(instanceId)).build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("timestamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
