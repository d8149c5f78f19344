package io.runledger.infra.billing;

import com.stripe.StripeClient;
import io.runledger.command.billing.StripeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The Stripe client, only when {@code STRIPE_API_KEY} is set; {@code STRIPE_API_BASE} points it elsewhere (tests). */
@Configuration(proxyBeanMethods = false)
class StripeClientConfiguration {

    /** Stripe retries network errors, 409, 429 and 5xx itself, with backoff and the same idempotency key. */
    private static final int NETWORK_RETRIES = 3;

    @Bean
    @Conditional(UsesStripe.class)
    StripeClient stripeClient(StripeSettings settings) {
        StripeClient.StripeClientBuilder builder =
                StripeClient.builder().setApiKey(settings.apiKey()).setMaxNetworkRetries(NETWORK_RETRIES);
        if (StringUtils.hasText(settings.apiBase())) {
            builder.setApiBase(settings.apiBase()).setMeterEventsBase(settings.apiBase());
        }
        return builder.build();
    }

    static class UsesStripe implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("runledger.stripe.api-key"));
        }
    }
}
