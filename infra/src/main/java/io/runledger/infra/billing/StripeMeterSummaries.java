package io.runledger.infra.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.billing.Meter;
import com.stripe.model.billing.MeterEventSummary;
import com.stripe.param.billing.MeterEventSummaryListParams;
import io.runledger.command.billing.StripeCustomers;
import io.runledger.command.billing.StripeMeterReporter;
import io.runledger.query.billing.StripeMeterTotals;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Stripe's meter event summaries for reconciliation: the meter by event name, the org by its customer. */
@Component
@Conditional(StripeClientConfiguration.UsesStripe.class)
class StripeMeterSummaries implements StripeMeterTotals {

    private final StripeClient stripe;
    private final StripeCustomers customers;
    /** Meter ids by event name: a report asks for every org and meter, the meters are the same few. */
    private final Map<String, String> meterIds = new ConcurrentHashMap<>();

    StripeMeterSummaries(StripeClient stripe, StripeCustomers customers) {
        this.stripe = stripe;
        this.customers = customers;
    }

    /** Stripe sums in whole minutes, so the period is taken to the minute. */
    @Override
    public Optional<BigDecimal> total(UUID orgId, String meter, Instant from, Instant to) {
        Optional<String> customer = customers.customerOf(orgId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<String> meterId = meterIdOf(StripeMeterReporter.eventName(meter));
            if (meterId.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal total = BigDecimal.ZERO;
            for (MeterEventSummary summary : stripe.v1()
                    .billing()
                    .meters()
                    .eventSummaries()
                    .list(
                            meterId.get(),
                            MeterEventSummaryListParams.builder()
                                    .setCustomer(customer.get())
                                    .setStartTime(from.getEpochSecond() / 60 * 60)
                                    .setEndTime(to.getEpochSecond() / 60 * 60)
                                    .build())
                    .autoPagingIterable()) {
                total = total.add(summary.getAggregatedValue());
            }
            return Optional.of(total);
        } catch (StripeException unavailable) {
            throw new IllegalStateException(
                    "Stripe's meter summaries are unavailable: " + unavailable.getMessage(), unavailable);
        }
    }

    /** Lists Stripe's meters again only for an event name not seen yet (a meter created since). */
    private Optional<String> meterIdOf(String eventName) throws StripeException {
        if (!meterIds.containsKey(eventName)) {
            for (Meter candidate : stripe.v1().billing().meters().list().autoPagingIterable()) {
                meterIds.put(candidate.getEventName(), candidate.getId());
            }
        }
        return Optional.ofNullable(meterIds.get(eventName));
    }
}
