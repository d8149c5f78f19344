package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.runledger.domain.org.OrgRenamed;
import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another instance's commit wakes this instance's waiting processors through PostgreSQL, long before their
 * wait would run out, also after the listening connection was lost. The other instance is played by an event
 * store of its own on the same database, with its own {@link CommitNotifications}: its appends never pass this
 * instance's event bus, so only the notification can wake a stream here.
 */
@RunledgerIntegrationTest
class CommitNotificationsTest {

    @Autowired
    Configuration axon;

    @Autowired
    CommitNotifications here;

    @Autowired
    HikariDataSource database;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    private EmbeddedEventStore otherStore;
    private CommitNotifications otherInstance;
    private UUID org;

    @BeforeEach
    void another_instance_on_the_same_database() {
        ApiClient api = new ApiClient(http);
        org = UUID.fromString(api.createOrg(api.tokenFor("elsewhere-" + UUID.randomUUID() + "@example.com"), "Here"));
        otherStore = EmbeddedEventStore.builder().storageEngine(storageEngine).build();
        otherInstance = new CommitNotifications(database);
        otherInstance.relay(WakeOnCommit.following(otherStore, Duration.ZERO));
        otherInstance.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> here.listeningBackend() != 0);
    }

    @AfterEach
    void stop_the_other_instance() {
        otherInstance.stop();
        otherStore.shutDown();
    }

    @Test
    void a_commit_by_another_instance_wakes_a_waiting_stream_here() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = waitingStream()) {
            CompletableFuture<Boolean> found = WakeOnCommitTest.waitingOn(stream);

            String appended = appendElsewhere("Renamed Elsewhere");

            assertThat(found.get(15, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getIdentifier()).isEqualTo(appended);
        }
    }

    @Test
    void a_lost_listening_connection_is_opened_again_and_wakes_for_what_it_missed() throws Exception {
        int lost = here.listeningBackend();
        try (BlockingStream<TrackedEventMessage<?>> stream = waitingStream()) {
            CompletableFuture<Boolean> found = WakeOnCommitTest.waitingOn(stream);

            jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, lost);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from pg_stat_activity where pid = ?", Integer.class, lost)
                            == 0);
            // committed while this instance listens on no connection: its notification reaches nobody here
            String appended = appendElsewhere("Renamed While Nobody Listened");

            assertThat(found.get(15, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getIdentifier()).isEqualTo(appended);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> here.listeningBackend() != 0 && here.listeningBackend() != lost);
        }
    }

    @Test
    void this_instances_commits_are_told_to_the_others() throws Exception {
        WakeOnCommit otherSource = WakeOnCommit.following(otherStore, Duration.ZERO);
        otherInstance.relay(otherSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> otherInstance.listeningBackend() != 0);
        try (BlockingStream<TrackedEventMessage<?>> stream = otherSource.openStream(otherSource.createHeadToken())) {
            CompletableFuture<Boolean> found = WakeOnCommitTest.waitingOn(stream);

            new ApiClient(http).createOrg(new ApiClient(http).tokenFor("told@example.com"), "Told Inc");

            assertThat(found.get(15, TimeUnit.SECONDS)).isTrue();
        }
    }

    private BlockingStream<TrackedEventMessage<?>> waitingStream() {
        WakeOnCommit source = axon.getComponent(WakeOnCommit.class);
        return source.openStream(source.createHeadToken());
    }

    /** The other instance renames the org, as its command side would: appended to its store in a transaction. */
    private String appendElsewhere(String name) throws Exception {
        long next = storageEngine.lastSequenceNumberFor(org.toString()).orElseThrow() + 1;
        GenericDomainEventMessage<OrgRenamed> renamed =
                new GenericDomainEventMessage<>("Org", org.toString(), next, new OrgRenamed(org, name));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> otherStore.publish(renamed));
        return renamed.getIdentifier();
    }
}
