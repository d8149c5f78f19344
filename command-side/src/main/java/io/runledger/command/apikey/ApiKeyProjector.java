package io.runledger.command.apikey;

import java.time.Instant;
import java.time.ZoneOffset;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.apikey.ApiKeyIssued;
import io.runledger.domain.apikey.ApiKeyRevoked;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps {@code api_keys} in step with the key events, in their transaction. */
@TransactionalLookup(processingGroup = "api-keys")
public record ApiKeyProjector(JdbcClient jdbc) {

    @EventHandler
    void on(ApiKeyIssued issued, @Timestamp Instant at) {
        jdbc.sql("""
                insert into api_keys (key_id, org_id, name, role, key_digest, key_prefix, issued_by, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        issued.keyId(),
                        issued.orgId(),
                        issued.name(),
                        issued.role().name(),
                        issued.keyDigest(),
                        issued.keyPrefix(),
                        issued.issuedBy(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(ApiKeyRevoked revoked, @Timestamp Instant at) {
        jdbc.sql("update api_keys set revoked_at = ? where key_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), revoked.keyId())
                .update();
    }
}
