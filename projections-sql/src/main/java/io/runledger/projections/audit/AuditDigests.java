package io.runledger.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the tenants' chains ({@code audit_digests}): one per tenant whose chain has grown since its
 * last, at every interval ({@code runledger.audit.digest-interval}) and on demand.
 */
@Component
public record AuditDigests(JdbcClient jdbc, AuditSigningKey key, Clock clock, TransactionTemplate transactions) {

    /** What signing one tenant's chain came to: its latest digest, and whether it was made now. */
    public record Signed(AuditChain.Digest digest, boolean made) {}

    /**
     * Signs the tenant's chain where it ends now; if its last digest already ends there, that digest (so a retry
     * makes none). Empty while the tenant has no chained event. Concurrent callers (two instances) are serialised
     * on the tenant's digest sequence, and the loser is told the winner's. A transaction of its own, which the lock
     * lasts for, whether it is called by a request or by {@link #signAll()}.
     */
    public Optional<Signed> sign(UUID orgId) {
        return transactions.execute(status -> signLocked(orgId));
    }

    private Optional<Signed> signLocked(UUID orgId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('audit-digest:' || ?, 0))")
                .param(orgId.toString())
                .query(Object.class)
                .single();
        Optional<AuditChain.Digest> last = jdbc.sql(
                        "select * from audit_digests where org_id = ? " + "order by digest_sequence desc limit 1")
                .param(orgId)
                .query((rs, n) -> digest(rs))
                .optional();
        return jdbc.sql("select chain_sequence, global_index, link from audit_events where org_id = ? "
                        + "order by chain_sequence desc limit 1")
                .param(orgId)
                .query((rs, n) -> {
                    long sequence = rs.getLong("chain_sequence");
                    if (last.isPresent() && last.get().chainSequence() == sequence) {
                        return new Signed(last.get(), false);
                    }
                    return new Signed(
                            insert(
                                    orgId,
                                    last.map(AuditChain.Digest::digestSequence).orElse(0L) + 1,
                                    sequence,
                                    rs.getLong("global_index"),
                                    rs.getBytes("link")),
                            true);
                })
                .optional();
    }

    /** Signs every tenant's chain that has grown since its last digest; how many digests it made. */
    public int signAll() {
        List<UUID> grown = jdbc.sql("""
                select h.org_id from (select org_id, max(chain_sequence) as head from audit_events group by org_id) h
                left join (select org_id, max(chain_sequence) as signed from audit_digests group by org_id) g using (org_id)
                where h.head > coalesce(g.signed, 0)
                """).query(UUID.class).list();
        return (int) grown.stream()
                .map(this::sign)
                .filter(signed -> signed.map(Signed::made).orElse(false))
                .count();
    }

    /** The tenant's digests, oldest first, read with {@code sql} (a tenant-scoped read). */
    public static List<AuditChain.Digest> list(JdbcClient sql, UUID orgId) {
        return sql.sql("select * from audit_digests where org_id = ? order by digest_sequence")
                .param(orgId)
                .query((rs, n) -> digest(rs))
                .list();
    }

    private AuditChain.Digest insert(UUID orgId, long digestSequence, long chainSequence, long position, byte[] link) {
        // microseconds, as PostgreSQL keeps them, so the statement signed is the one read back
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] signature =
                key.sign(AuditChain.digestStatement(orgId, chainSequence, position, link, signedAt.toString()));
        jdbc.sql("""
                insert into audit_digests (org_id, digest_sequence, chain_sequence, global_index, link, signed_at, key_id, signature)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        orgId,
                        digestSequence,
                        chainSequence,
                        position,
                        link,
                        Timestamp.from(signedAt),
                        key.keyId(),
                        signature)
                .update();
        return new AuditChain.Digest(
                orgId, digestSequence, chainSequence, position, link, signedAt.toString(), key.keyId(), signature);
    }

    private static AuditChain.Digest digest(ResultSet rs) throws SQLException {
        return new AuditChain.Digest(
                rs.getObject("org_id", UUID.class),
                rs.getLong("digest_sequence"),
                rs.getLong("chain_sequence"),
                rs.getLong("global_index"),
                rs.getBytes("link"),
                rs.getTimestamp("signed_at").toInstant().toString(),
                rs.getString("key_id"),
                rs.getBytes("signature"));
    }
}
