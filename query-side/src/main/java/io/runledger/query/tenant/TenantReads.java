package io.runledger.query.tenant;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one tenant's rows: a read-only transaction in which the connection acts as {@code runledger_reader}
 * with {@code runledger.org_id} set, both local to the transaction, so row-level security admits that
 * tenant's rows only, whatever the SQL forgets, and the pooled connection is clean afterwards.
 */
@Component
public class TenantReads {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    public TenantReads(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public <T> T read(UUID orgId, Function<JdbcClient, T> query) {
        return readOnly.execute(status -> {
            jdbc.sql("set local role runledger_reader").update();
            jdbc.sql("select set_config('runledger.org_id', ?, true)")
                    .param(orgId.toString())
                    .query(String.class)
                    .single();
            return query.apply(jdbc);
        });
    }
}
