package io.runledger.command.billing;

import java.util.Optional;
import java.util.UUID;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.subscription.StripeCustomerLinked;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps {@code billing_customers} in step with {@code StripeCustomerLinked}, in its transaction. */
@TransactionalLookup(processingGroup = "billing")
public record StripeCustomers(JdbcClient jdbc) {

    @EventHandler
    void on(StripeCustomerLinked linked) {
        jdbc.sql("insert into billing_customers (stripe_customer_id, org_id) values (?, ?) on conflict do nothing")
                .params(linked.stripeCustomerId(), linked.orgId())
                .update();
    }

    public Optional<String> customerOf(UUID orgId) {
        return jdbc.sql("select stripe_customer_id from billing_customers where org_id = ?")
                .param(orgId)
                .query(String.class)
                .optional();
    }

    Optional<UUID> orgOf(String stripeCustomerId) {
        return jdbc.sql("select org_id from billing_customers where stripe_customer_id = ?")
                .param(stripeCustomerId)
                .query(UUID.class)
                .optional();
    }
}
