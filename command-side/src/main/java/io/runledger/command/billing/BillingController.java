package io.runledger.command.billing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.Optional;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;
import io.runledger.command.access.OrgAccess;
import io.runledger.domain.org.Role;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.subscription.Plan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/orgs/{orgId}/billing/checkout} and {@code …/portal}: owners go to Stripe to subscribe or to
 * manage payment; what they do there comes back through the webhooks.
 */
@RestController
@RequestMapping("/v1/orgs/{orgId}/billing")
record BillingController(
        OrgAccess access, ObjectProvider<StripeClient> stripe, StripeSettings settings, StripeCustomers customers) {

    record CheckoutRequest(
            @Schema(requiredMode = REQUIRED, example = "pro")
            Plan plan) {}

    record StripePage(String url) {}

    @Operation(operationId = "startCheckout")
    @ApiResponse(responseCode = "200", description = "The Stripe Checkout page to send the person to")
    @ApiResponse(responseCode = "503", description = "Billing runs without Stripe")
    @PostMapping("/checkout")
    StripePage checkout(@PathVariable UUID orgId, @RequestBody CheckoutRequest request) throws StripeException {
        String customer = ownersCustomer(orgId);
        String price = Optional.ofNullable(request.plan())
                .flatMap(settings::priceOf)
                .orElseThrow(() -> new InvalidCommand("plan must be pro or team (a plan with a Stripe price)"));
        return new StripePage(client().v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setCustomer(customer)
                        .setClientReferenceId(orgId.toString())
                        .putMetadata("org_id", orgId.toString())
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .putMetadata("org_id", orgId.toString())
                                .build())
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(price)
                                .setQuantity(1L)
                                .build())
                        .setSuccessUrl(settings.returnUrl())
                        .setCancelUrl(settings.returnUrl())
                        .build())
                .getUrl());
    }

    @Operation(operationId = "openBillingPortal")
    @ApiResponse(responseCode = "200", description = "The Stripe customer portal page to send the person to")
    @ApiResponse(responseCode = "503", description = "Billing runs without Stripe")
    @PostMapping("/portal")
    StripePage portal(@PathVariable UUID orgId) throws StripeException {
        String customer = ownersCustomer(orgId);
        return new StripePage(client().v1()
                .billingPortal()
                .sessions()
                .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customer)
                        .setReturnUrl(settings.returnUrl())
                        .build())
                .getUrl());
    }

    private String ownersCustomer(UUID orgId) {
        access.requirePerson(orgId, Role.OWNER);
        client();
        return customers.customerOf(orgId).orElseThrow(() -> new CustomerNotReady(orgId));
    }

    private StripeClient client() {
        StripeClient client = stripe.getIfAvailable();
        if (client == null) {
            throw new BillingNotConfigured(
                    "Billing runs without Stripe here (no STRIPE_API_KEY); a platform admin sets plans");
        }
        return client;
    }
}
