package io.runledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runledger.infra.crypto.PersonalDataSerializer;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

@RunledgerIntegrationTest
class EventStoreWiringTest {

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    Serializer serializer;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    ObjectProvider<AxonServerConnectionManager> axonServer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void events_are_stored_by_axons_jdbc_engine_in_postgres() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void events_snapshots_and_messages_are_serialized_as_json_and_xstream_is_absent() {
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        // events are Jackson JSON too, their personal data sealed on the way (docs/erasure.md)
        assertThat(eventSerializer).isInstanceOf(PersonalDataSerializer.class);
        assertThat(messageSerializer).isInstanceOf(JacksonSerializer.class);
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void flyway_creates_every_axon_table_with_byte_payloads_never_large_objects() {
        assertThat(jdbc.queryForList(
                        "select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains(
                        "domain_event_entry",
                        "snapshot_event_entry",
                        "token_entry",
                        "saga_entry",
                        "association_value_entry",
                        "dead_letter_entry",
                        "flyway_schema_history");
        assertThat(jdbc.queryForList("""
                select distinct data_type from information_schema.columns
                where table_schema = 'public' and column_name in ('payload', 'meta_data', 'token', 'serialized_saga')
                """, String.class)).containsExactly("bytea");
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.columns where table_schema = 'public' and data_type = 'oid'",
                        Integer.class))
                .isZero();
    }

    @Test
    void the_axon_server_connector_is_present_but_off_by_default() {
        assertThat(axonServer.getIfAvailable()).isNull();
    }
}
