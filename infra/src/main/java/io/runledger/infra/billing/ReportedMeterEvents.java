package io.runledger.infra.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.command.billing.MeterLedger;
import io.runledger.query.billing.StripeLedger;
import org.springframework.stereotype.Component;

/** The reconciliation reads the meter reporter's ledger through the reporter's own reader. */
@Component
record ReportedMeterEvents(MeterLedger ledger) implements StripeLedger {

    @Override
    public List<Entry> between(Instant from, Instant to, Instant asOf, UUID orgId) {
        return ledger.between(from, to, asOf, orgId).stream()
                .map(entry -> new Entry(
                        entry.usageEventId(),
                        entry.orgId(),
                        entry.meter(),
                        entry.quantity(),
                        "sent".equals(entry.status())))
                .toList();
    }
}
