package io.runledger.domain.shared;

import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * Lets a fixture's aggregate create another one ({@code AggregateLifecycle.createNew}). The fixture's
 * event store only accepts events of the aggregate under test, so the spawned aggregate gets a store of
 * its own, which the test reads back.
 */
public final class SpawnedAggregates {

    private final EventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    private SpawnedAggregates() {}

    public static SpawnedAggregates allowSpawning(FixtureConfiguration<?> fixture, Class<?> spawnedType) {
        SpawnedAggregates spawned = new SpawnedAggregates();
        Repository<?> repository = EventSourcingRepository.builder(spawnedType)
                .eventStore(spawned.store)
                .build();
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> type) {
                return type == spawnedType ? (Repository<T>) repository : null;
            }
        });
        return spawned;
    }

    /** The payloads of the events the spawned aggregate with this id applied. */
    public List<Object> eventsOf(UUID aggregateId) {
        return store.readEvents(aggregateId.toString())
                .asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
    }
}
