package io.runledger.infra.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.billing.Meter;
import com.stripe.model.billing.MeterEventSummary;
import com.stripe.param.billing.MeterEventSummaryListParams;
import io.runledger.command.billing.StripeMeterReporter;
import io.runledger.query.billing.StripeMeterTotals;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stripe's meter event summaries for reconciliation: the meter by event name, the org by its customer. */
@Component
@Conditional(StripeClientConfiguration.UsesStripe.class)
class StripeMeterSummaries implements StripeMeterTotals {

    private final StripeClient stripe;
    private final JdbcClient jdbc;

    StripeMeterSummaries(StripeClient stripe, JdbcClient jdbc) {
        this.stripe = stripe;
        this.jdbc = jdbc;
    }

    /** Stripe sums in whole minutes, so the period is taken to the minute. */
    @Override
    public Optional<BigDecimal> total(UUID orgId, String meter, Instant from, Instant to) {
        Optional<String> customer = jdbc.sql("select stripe_customer_id from billing_customers where org_id = ?").param(orgId)
                .query(String.class).optional();
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Meter> stripeMeter = Optional.empty();
            for (Meter candidate : stripe.v1().billing().meters().list().autoPagingIterable()) {
                if (StripeMeterReporter.eventName(meter).equals(candidate.getEventName())) {
                    stripeMeter = Optional.of(candidate);
                }
            }
            if (stripeMeter.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal total = BigDecimal.ZERO;
            for (MeterEventSummary summary : stripe.v1().billing().meters().eventSummaries().list(stripeMeter.get().getId(),
                    MeterEventSummaryListParams.builder().setCustomer(customer.get())
                            .setStartTime(from.getEpochSecond() / 60 * 60).setEndTime(to.getEpochSecond() / 60 * 60).build())
                    .autoPagingIterable()) {
                total = total.add(summary.getAggregatedValue());
            }
            return Optional.of(total);
        } catch (StripeException unavailable) {
            throw new IllegalStateException("Stripe's meter summaries are unavailable: " + unavailable.getMessage(), unavailable);
        }
    }
}
