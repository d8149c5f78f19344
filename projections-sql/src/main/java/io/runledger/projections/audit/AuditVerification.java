package io.runledger.projections.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a tenant's chain from the event store as it is now and checks it against the links recorded and the
 * digests signed. Reads as the owner, not as the tenant's reader: an event inserted behind the chain's back has no
 * audit row, which the reader's row-level security would hide.
 */
@Component
public class AuditVerification {

    /** Rows per round trip while streaming a chain: bounded memory whatever its length. */
    static final int FETCH_SIZE = 1_000;

    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;
    private final AuditSigningKey key;

    AuditVerification(DataSource dataSource, PlatformTransactionManager transactions, AuditSigningKey key) {
        this.streaming = AuditStore.streaming(dataSource, FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.key = key;
    }

    /** @param mismatch the first place the chain fails, by position; empty when {@code valid} */
    public record Result(boolean valid, long checked, Optional<AuditChain.Mismatch> mismatch) {}

    /** A digest of the tenant's that a range names and that does not exist. */
    public static class UnknownDigest extends RuntimeException {
        public UnknownDigest(long digestSequence) {
            super("No digest " + digestSequence + " for this org");
        }
    }

    /**
     * @param fromDigest start after the chain sequence this digest signed, from its link (null: the start)
     * @param toDigest   end at the chain sequence this digest signed (null: the chain's end now)
     */
    public Result verify(UUID orgId, Long fromDigest, Long toDigest) {
        return readOnly.execute(status -> {
            List<AuditChain.Digest> digests = AuditDigests.list(streaming, orgId);
            AuditChain.Digest from = fromDigest == null ? null : find(digests, fromDigest);
            AuditChain.Digest to = toDigest == null ? null : find(digests, toDigest);
            long start = from == null ? 0 : from.chainSequence();
            long end = to == null ? Long.MAX_VALUE : to.chainSequence();
            AuditChain.Walk walk = new AuditChain.Walk(
                    digests.stream()
                            .filter(digest -> digest.chainSequence() > start && digest.chainSequence() <= end)
                            .toList(),
                    key.publicKey(),
                    start,
                    from == null ? AuditChain.genesis() : from.link());
            long[] lastPosition = {-1};
            chainQuery(streaming, "", orgId, start, end).query(rs -> {
                if (rs.getObject("event_identifier") == null) {
                    walk.missing(rs.getLong("chained_position"), rs.getString("chained_event_id"));
                } else {
                    walk.chained(rs.getLong("chain_sequence"), AuditStore.storedEvent(rs), rs.getBytes("link"));
                }
                lastPosition[0] = Math.max(lastPosition[0], rs.getLong("chained_position"));
            });
            Optional<AuditChain.Mismatch> broken = walk.finish();
            Optional<AuditChain.Mismatch> inserted =
                    firstInserted(orgId, from == null ? Long.MIN_VALUE : from.position(), lastPosition[0]);
            Optional<AuditChain.Mismatch> first = broken.isEmpty()
                    ? inserted
                    : inserted.isEmpty() ? broken : Optional.of(earlier(broken.get(), inserted.get()));
            return new Result(first.isEmpty(), walk.checked(), first);
        });
    }

    /**
     * The first stored event, up to the chain's last, that names the tenant and that the chain never took in. The
     * store's index on the org its payload names ({@code audit_event_org}, V68) finds the tenant's events, and the
     * chain's unique position tells which it never took in: the tenant's events are read, not the whole range.
     */
    private Optional<AuditChain.Mismatch> firstInserted(UUID orgId, long after, long upTo) {
        return insertedQuery(streaming, "", orgId, after, upTo)
                .query((rs, n) -> new AuditChain.Mismatch(
                        rs.getLong(1),
                        rs.getString(2),
                        AuditChain.Reason.INSERTED,
                        "the store holds this event of the org, the chain does not"))
                .optional();
    }

    /** PostgreSQL's plans of a whole chain's verification (the walk, then the search for inserted events). */
    public List<String> explain(UUID orgId) {
        return readOnly.execute(status -> {
            List<String> plans = new ArrayList<>(chainQuery(streaming, AuditStore.EXPLAIN, orgId, 0, Long.MAX_VALUE)
                    .query(String.class)
                    .list());
            plans.add("");
            plans.addAll(insertedQuery(streaming, AuditStore.EXPLAIN, orgId, Long.MIN_VALUE, Long.MAX_VALUE)
                    .query(String.class)
                    .list());
            return plans;
        });
    }

    private static JdbcClient.StatementSpec chainQuery(
            JdbcClient sql, String prefix, UUID orgId, long after, long upTo) {
        return sql.sql(prefix + """
                select a.chain_sequence, a.global_index as chained_position, a.event_id as chained_event_id, a.link,
                       %s
                from audit_events a left join domain_event_entry d on d.global_index = a.global_index
                where a.org_id = ? and a.chain_sequence > ? and a.chain_sequence <= ?
                order by a.chain_sequence
                """.formatted(AuditStore.STORED_COLUMNS)).params(orgId, after, upTo);
    }

    private static JdbcClient.StatementSpec insertedQuery(
            JdbcClient sql, String prefix, UUID orgId, long after, long upTo) {
        return sql.sql(prefix + """
                select d.global_index, d.event_identifier from domain_event_entry d
                where audit_event_org(d.payload) = ? and d.global_index > ? and d.global_index <= ?
                  and not exists (select 1 from audit_events a where a.global_index = d.global_index)
                order by d.global_index limit 1
                """).params(orgId.toString(), after, upTo);
    }

    private static AuditChain.Mismatch earlier(AuditChain.Mismatch one, AuditChain.Mismatch other) {
        long a = one.position() == null ? Long.MAX_VALUE : one.position();
        long b = other.position() == null ? Long.MAX_VALUE : other.position();
        return b < a ? other : one;
    }

    private static AuditChain.Digest find(List<AuditChain.Digest> digests, long sequence) {
        return digests.stream()
                .filter(digest -> digest.digestSequence() == sequence)
                .findFirst()
                .orElseThrow(() -> new UnknownDigest(sequence));
    }
}
