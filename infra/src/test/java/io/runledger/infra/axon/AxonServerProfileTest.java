package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The scale-out path: one profile switches events and messages over to Axon Server. */
@RunledgerIntegrationTest
@ActiveProfiles("axonserver")
// Nothing listens on port 1: the wiring is what is under test, not a live Axon Server.
@TestPropertySource(properties = "AXON_AXONSERVER_SERVERS=localhost:1")
// Closed at once rather than at JVM exit, where its shutdown, waiting on the absent server, would hold the fork.
@DirtiesContext
class AxonServerProfileTest {

    @Autowired
    AxonServerConfiguration configuration;

    @Autowired
    AxonServerConnectionManager connectionManager;

    @Autowired
    EventStore eventStore;

    @Autowired
    ObjectProvider<CommitNotifications> commitNotifications;

    @Test
    void the_axonserver_profile_sends_events_to_the_configured_axon_server() {
        assertThat(configuration.getServers()).isEqualTo("localhost:1");
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        assertThat(connectionManager.isConnected(configuration.getContext())).isFalse();
    }

    @Test
    void axon_server_tells_the_processors_of_new_events_itself_so_no_instance_listens_to_postgresql() {
        assertThat(commitNotifications.getIfAvailable()).isNull();
    }
}
