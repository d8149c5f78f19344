package io.runledger.command.apikey;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.runledger.domain.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The org's keys as {@code api_keys} records them, for the admins who manage them. */
@Component
record ApiKeyRecords(JdbcClient jdbc) {

    String prefixOf(UUID keyId) {
        return jdbc.sql("select key_prefix from api_keys where key_id = ?")
                .param(keyId)
                .query(String.class)
                .single();
    }

    List<ApiKeyController.KeyOnRecord> of(UUID orgId) {
        return jdbc.sql("""
                select key_id, name, role, key_prefix, issued_by, issued_at, revoked_at
                from api_keys where org_id = ? order by issued_at, key_id
                """)
                .param(orgId)
                .query((rs, row) -> new ApiKeyController.KeyOnRecord(
                        rs.getObject("key_id", UUID.class),
                        rs.getString("name"),
                        Role.valueOf(rs.getString("role")).code(),
                        rs.getString("key_prefix"),
                        rs.getObject("issued_by", UUID.class),
                        rs.getTimestamp("issued_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("revoked_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .list();
    }

    boolean inOrg(UUID orgId, UUID keyId) {
        return jdbc.sql("select exists (select 1 from api_keys where key_id = ? and org_id = ?)")
                .params(keyId, orgId)
                .query(Boolean.class)
                .single();
    }
}
