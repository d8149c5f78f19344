package io.runledger.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading events from {@code domain_event_entry} as stored: the bytes the chain covers. */
final class AuditStore {

    /** The columns of {@code domain_event_entry d} a {@link AuditChain.StoredEvent} is made of. */
    static final String STORED_COLUMNS = "d.global_index, d.event_identifier, d.payload_type, d.time_stamp, d.payload, "
            + "d.meta_data, d.type, d.aggregate_identifier";

    /** Put before a query: PostgreSQL runs it and answers its plan, one line a row (the plans docs/audit.md shows). */
    static final String EXPLAIN = "explain (analyze, buffers) ";

    private AuditStore() {}

    record Row(AuditChain.StoredEvent event, String aggregateType, String aggregateId) {}

    /** A client whose queries stream {@code fetchSize} rows a round trip (inside a transaction, as PostgreSQL needs). */
    static JdbcClient streaming(DataSource dataSource, int fetchSize) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(fetchSize);
        return JdbcClient.create(template);
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(storedEvent(rs), rs.getString("type"), rs.getString("aggregate_identifier"));
    }

    static AuditChain.StoredEvent storedEvent(ResultSet rs) throws SQLException {
        return new AuditChain.StoredEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("payload_type"),
                rs.getString("time_stamp"),
                rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }
}
