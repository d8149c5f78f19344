package io.runledger.query.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ledger of meter events reported to Stripe, which the command side's reporter keeps and owns; the
 * application wires in the reporter's reader.
 */
public interface StripeLedger {

    /** @param sent whether Stripe acknowledged it (else it refused it for good) */
    record Entry(UUID usageEventId, UUID orgId, String meter, BigDecimal quantity, boolean sent) {}

    /** What happened in {@code [from, to)} and before {@code asOf}; {@code orgId} null for every org. */
    List<Entry> between(Instant from, Instant to, Instant asOf, UUID orgId);
}
