package io.runledger.query.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.runledger.domain.run.UsageRecorded;
import io.runledger.query.Rows;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Does what we billed match what happened? Streams {@code UsageRecorded} from the event store through Axon for a
 * period (optionally as the store stood at an instant), totals it per org and meter, and compares every event
 * with the {@code usage_events} read model and with the {@link StripeLedger} of meter events Stripe acknowledged,
 * and each total with Stripe's own meter summary when Stripe is configured. It holds one entry per usage event of
 * the period; every list is in a fixed order, so the same inputs give byte-identical reports.
 */
@Component
public class Reconciliation {

    /** Ids, orgs and meters in the order PostgreSQL sorts them (a UUID's text sorts as its bytes do). */
    private static final Comparator<Key> KEY_ORDER =
            Comparator.comparing((Key key) -> key.orgId().toString()).thenComparing(Key::meter);

    private static final Comparator<Discrepancy> DISCREPANCY_ORDER = Comparator.comparing(
                    (Discrepancy found) -> new Key(found.orgId(), found.meter()), KEY_ORDER)
            .thenComparing(Discrepancy::kind)
            .thenComparing(found -> found.eventId().toString());

    /** How long the store may take to hand over its next event. */
    private static final int STORE_WAIT_SECONDS = 30;

    private final EventStore events;
    private final JdbcClient jdbc;
    private final StripeLedger ledger;
    private final ObjectProvider<StripeMeterTotals> stripeTotals;

    Reconciliation(
            EventStore events, JdbcClient jdbc, StripeLedger ledger, ObjectProvider<StripeMeterTotals> stripeTotals) {
        this.events = events;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.stripeTotals = stripeTotals;
    }

    /**
     * @param reportedToStripe sum of the ledger's acknowledged meter events; null when Stripe is not used
     * @param stripeSummary    Stripe's own meter summary for the org; null when Stripe is not used or has none
     */
    public record Line(
            UUID orgId,
            String meter,
            long events,
            BigDecimal eventStore,
            BigDecimal readModel,
            @Nullable BigDecimal reportedToStripe,
            @Nullable BigDecimal stripeSummary,
            boolean matches) {}

    /**
     * @param kind missing_in_read_model, unknown_in_read_model, quantity_mismatch, not_reported_to_stripe,
     *             unknown_in_stripe_ledger
     */
    public record Discrepancy(
            String kind,
            UUID orgId,
            String meter,
            UUID eventId,
            @Nullable BigDecimal eventStore,
            @Nullable BigDecimal other) {}

    public record Report(
            Instant from,
            Instant to,
            Instant asOf,
            @Nullable UUID orgId,
            boolean stripe,
            List<Line> lines,
            List<Discrepancy> discrepancies) {}

    /** One usage event as a source tells it. */
    private record Usage(UUID id, UUID orgId, String meter, BigDecimal quantity) {}

    private record Key(UUID orgId, String meter) {}

    /** One org and meter's sums, each source totalled on its own, so what was billed counts even where no event backs it. */
    private static final class Totals {
        long events;
        BigDecimal eventStore = BigDecimal.ZERO;
        BigDecimal readModel = BigDecimal.ZERO;
        BigDecimal reported = BigDecimal.ZERO;
    }

    /** The read model and the ledger are read in one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report(Instant from, Instant to, Instant asOf, UUID orgId, boolean stripe) {
        Map<UUID, Usage> store = storedUsage(from, to, asOf, orgId);
        Map<UUID, Usage> model = readModel(from, to, asOf, orgId);
        Map<UUID, StripeLedger.Entry> reported = stripe
                ? ledger.between(from, to, asOf, orgId).stream()
                        .collect(Collectors.toMap(StripeLedger.Entry::usageEventId, entry -> entry))
                : Map.of();
        return new Report(
                from,
                to,
                asOf,
                orgId,
                stripe,
                lines(store, model, reported, from, to, stripe),
                discrepancies(store, model, reported, stripe));
    }

    private List<Line> lines(
            Map<UUID, Usage> store,
            Map<UUID, Usage> model,
            Map<UUID, StripeLedger.Entry> reported,
            Instant from,
            Instant to,
            boolean stripe) {
        Map<Key, Totals> totals = new TreeMap<>(KEY_ORDER);
        store.values().forEach(usage -> {
            Totals sums = totals.computeIfAbsent(new Key(usage.orgId(), usage.meter()), key -> new Totals());
            sums.events++;
            sums.eventStore = sums.eventStore.add(usage.quantity());
        });
        model.values().forEach(usage -> {
            Totals sums = totals.computeIfAbsent(new Key(usage.orgId(), usage.meter()), key -> new Totals());
            sums.readModel = sums.readModel.add(usage.quantity());
        });
        reported.values().stream().filter(StripeLedger.Entry::sent).forEach(entry -> {
            Totals sums = totals.computeIfAbsent(new Key(entry.orgId(), entry.meter()), key -> new Totals());
            sums.reported = sums.reported.add(entry.quantity());
        });
        return totals.entrySet().stream()
                .map(each -> {
                    Key key = each.getKey();
                    Totals sums = each.getValue();
                    BigDecimal toStripe = stripe ? sums.reported : null;
                    BigDecimal summary = stripe
                            ? Optional.ofNullable(stripeTotals.getIfAvailable())
                                    .flatMap(stripeSide -> stripeSide.total(key.orgId(), key.meter(), from, to))
                                    .orElse(null)
                            : null;
                    return new Line(
                            key.orgId(),
                            key.meter(),
                            sums.events,
                            sums.eventStore,
                            sums.readModel,
                            toStripe,
                            summary,
                            agree(sums.eventStore, sums.readModel)
                                    && agree(sums.eventStore, toStripe)
                                    && agree(sums.eventStore, summary));
                })
                .toList();
    }

    private static List<Discrepancy> discrepancies(
            Map<UUID, Usage> store, Map<UUID, Usage> model, Map<UUID, StripeLedger.Entry> reported, boolean stripe) {
        List<Discrepancy> found = new ArrayList<>();
        for (Usage stored : store.values()) {
            Usage modelled = model.get(stored.id());
            if (modelled == null) {
                found.add(discrepancy("missing_in_read_model", stored, stored.quantity(), null));
            } else if (modelled.quantity().compareTo(stored.quantity()) != 0
                    || !modelled.meter().equals(stored.meter())
                    || !modelled.orgId().equals(stored.orgId())) {
                found.add(discrepancy("quantity_mismatch", stored, stored.quantity(), modelled.quantity()));
            }
            StripeLedger.Entry sent = reported.get(stored.id());
            if (stripe && (sent == null || !sent.sent())) {
                found.add(discrepancy(
                        "not_reported_to_stripe", stored, stored.quantity(), sent == null ? null : sent.quantity()));
            }
        }
        model.values().stream()
                .filter(modelled -> !store.containsKey(modelled.id()))
                .forEach(modelled ->
                        found.add(discrepancy("unknown_in_read_model", modelled, null, modelled.quantity())));
        reported.values().stream()
                .filter(entry -> !store.containsKey(entry.usageEventId()))
                .forEach(entry -> found.add(new Discrepancy(
                        "unknown_in_stripe_ledger",
                        entry.orgId(),
                        entry.meter(),
                        entry.usageEventId(),
                        null,
                        entry.quantity())));
        found.sort(DISCREPANCY_ORDER);
        return found;
    }

    private static Discrepancy discrepancy(String kind, Usage usage, BigDecimal eventStore, BigDecimal other) {
        return new Discrepancy(kind, usage.orgId(), usage.meter(), usage.id(), eventStore, other);
    }

    /**
     * The period's {@code UsageRecorded} events stored before {@code asOf}, read from the first event stored at
     * {@code from} up to the head as it was when asked; payloads of other events are never deserialized.
     */
    private Map<UUID, Usage> storedUsage(Instant from, Instant to, Instant asOf, UUID orgId) {
        Map<UUID, Usage> usage = new LinkedHashMap<>();
        long head = position(events.createHeadToken());
        TrackingToken start = events.createTokenAt(from);
        if (head < 0 || position(start) >= head) {
            return usage;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start)) {
            TrackedEventMessage<?> message;
            do {
                if (!stream.hasNextAvailable(STORE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The event store stopped short of its head, event " + head);
                }
                message = stream.nextAvailable();
                Instant at = message.getTimestamp();
                if (UsageRecorded.class.equals(message.getPayloadType())
                        && !at.isBefore(from)
                        && at.isBefore(to)
                        && at.isBefore(asOf)) {
                    UsageRecorded recorded = (UsageRecorded) message.getPayload();
                    if (orgId == null || orgId.equals(recorded.orgId())) {
                        UUID id = UUID.fromString(message.getIdentifier());
                        usage.put(
                                id,
                                new Usage(id, recorded.orgId(), recorded.meter().code(), recorded.quantity()));
                    }
                }
            } while (position(message.trackingToken()) < head);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", interrupted);
        }
        return usage;
    }

    /** A token's place in the store; -1 before the first event. */
    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private Map<UUID, Usage> readModel(Instant from, Instant to, Instant asOf, UUID orgId) {
        return jdbc
                .sql("""
                select id, org_id, event_type, quantity from usage_events
                where created_at >= :from and created_at < :to and created_at < :asOf
                  and (cast(:org as uuid) is null or org_id = :org)
                """)
                .param("from", Rows.timestamp(from))
                .param("to", Rows.timestamp(to))
                .param("asOf", Rows.timestamp(asOf))
                .param("org", orgId)
                .query((rs, row) -> new Usage(
                        rs.getObject("id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getBigDecimal("quantity")))
                .stream()
                .collect(Collectors.toMap(Usage::id, usage -> usage));
    }

    /** A source that is not in use (null) disagrees with nothing. */
    private static boolean agree(BigDecimal store, BigDecimal other) {
        return other == null || store.compareTo(other) == 0;
    }

    /** The report as CSV: a {@code total} row per org and meter, then a {@code discrepancy} row per event. */
    public static String csv(Report report) {
        StringBuilder csv = new StringBuilder(
                "row,org_id,meter,event_id,events,event_store,read_model,reported_to_stripe,stripe_summary,result\n");
        for (Line line : report.lines()) {
            csv.append(String.join(
                            ",",
                            "total",
                            line.orgId().toString(),
                            line.meter(),
                            "",
                            String.valueOf(line.events()),
                            plain(line.eventStore()),
                            plain(line.readModel()),
                            plain(line.reportedToStripe()),
                            plain(line.stripeSummary()),
                            line.matches() ? "match" : "mismatch"))
                    .append('\n');
        }
        for (Discrepancy discrepancy : report.discrepancies()) {
            boolean aboutStripe = discrepancy.kind().contains("stripe");
            csv.append(String.join(
                            ",",
                            "discrepancy",
                            discrepancy.orgId().toString(),
                            discrepancy.meter(),
                            discrepancy.eventId().toString(),
                            "",
                            plain(discrepancy.eventStore()),
                            aboutStripe ? "" : plain(discrepancy.other()),
                            aboutStripe ? plain(discrepancy.other()) : "",
                            "",
                            discrepancy.kind()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
