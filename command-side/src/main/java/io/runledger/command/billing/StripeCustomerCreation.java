package io.runledger.command.billing;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import io.runledger.domain.org.OrgCreated;
import io.runledger.domain.subscription.LinkStripeCustomer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each new org gets a Stripe customer, asynchronously: a streaming processor with its own token, which
 * retries a failed attempt with backoff. The idempotency key derives from the org, so however often it is
 * retried (or replayed within Stripe's 24 hours), Stripe creates one customer; the Subscription records it.
 */
@Component
@ProcessingGroup(StripeCustomerCreation.PROCESSING_GROUP)
public record StripeCustomerCreation(ObjectProvider<StripeClient> stripe, CommandGateway commands) {

    public static final String PROCESSING_GROUP = "stripe-customers";

    static String idempotencyKey(OrgCreated created) {
        return "runledger-customer-" + created.orgId();
    }

    @EventHandler
    void on(OrgCreated created) throws StripeException {
        StripeClient client = stripe.getIfAvailable();
        if (client == null) {
            return; // billing without Stripe
        }
        Customer customer = client.v1()
                .customers()
                .create(
                        CustomerCreateParams.builder()
                                .setName(created.name())
                                .putMetadata("org_id", created.orgId().toString())
                                .build(),
                        RequestOptions.builder()
                                .setIdempotencyKey(idempotencyKey(created))
                                .build());
        commands.sendAndWait(new LinkStripeCustomer(created.orgId(), customer.getId()));
    }
}
