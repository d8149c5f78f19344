package io.runledger.command.billing;

import java.time.Duration;
import java.util.Optional;

import io.runledger.domain.subscription.Plan;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Stripe, if configured ({@code STRIPE_API_KEY} and friends); without a key billing runs without Stripe and
 * platform admins set plans by command.
 *
 * @param webhookTolerance how old a webhook's signed timestamp may be (Stripe's default: 5 minutes)
 * @param returnUrl        where Checkout and the customer portal send people back to
 */
@ConfigurationProperties("runledger.stripe")
public record StripeSettings(
        String apiKey,
        String webhookSecret,
        String pricePro,
        String priceTeam,
        String apiBase,
        Duration webhookTolerance,
        String returnUrl) {

    public StripeSettings {
        webhookTolerance = webhookTolerance == null ? Duration.ofMinutes(5) : webhookTolerance;
        returnUrl = StringUtils.hasText(returnUrl) ? returnUrl : "http://localhost:8080/";
    }

    public Optional<String> priceOf(Plan plan) {
        String price =
                switch (plan) {
                    case PRO -> pricePro;
                    case TEAM -> priceTeam;
                    case FREE -> null;
                };
        return StringUtils.hasText(price) ? Optional.of(price) : Optional.empty();
    }

    public boolean enabled() {
        return StringUtils.hasText(apiKey);
    }

    public boolean receivesWebhooks() {
        return StringUtils.hasText(webhookSecret);
    }

    /** The plan a Stripe price is for; prices of other products are none of ours. */
    public Optional<Plan> planOfPrice(String priceId) {
        if (priceId == null) {
            return Optional.empty();
        }
        if (priceId.equals(pricePro)) {
            return Optional.of(Plan.PRO);
        }
        return priceId.equals(priceTeam) ? Optional.of(Plan.TEAM) : Optional.empty();
    }
}
