package io.runledger.command.billing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once, at start, whether billing talks to Stripe. */
@Component
record StripeMode(StripeSettings settings) {

    private static final Logger log = LoggerFactory.getLogger(StripeMode.class);

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (settings.enabled()) {
            log.info(
                    "Billing with Stripe{}; webhooks {}",
                    settings.apiBase() == null || settings.apiBase().isBlank() ? "" : " at " + settings.apiBase(),
                    settings.receivesWebhooks() ? "verified" : "refused (no STRIPE_WEBHOOK_SECRET)");
        } else {
            log.info("Billing without Stripe (no STRIPE_API_KEY): plans are set by platform admins, "
                    + "PUT /v1/admin/orgs/{orgId}/plan");
        }
    }
}
