package io.runledger.infra.auth;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/identityProvider} (open): whether the identity provider answers and which key set token
 * checks use: {@code current} (the last fetch succeeded), {@code kept} (fetches fail; the last key set serves until
 * {@code keptUntil}) or {@code none}. Always UP: Runledger keeps serving API keys, workers and every token it can
 * still check while the provider is away. Why fetches fail is logged, not shown here.
 */
/* Spring Boot names the health component after the bean, less "HealthIndicator": identityProvider. */
@Component("identityProviderHealthIndicator")
class IdentityProviderHealth extends AbstractHealthIndicator {

    private final ObjectProvider<ProviderKeys> providerKeys;
    private final Clock clock;

    IdentityProviderHealth(ObjectProvider<ProviderKeys> providerKeys, Clock clock) {
        super("The identity provider's state could not be read");
        this.providerKeys = providerKeys;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up();
        ProviderKeys keys = providerKeys.getIfAvailable();
        if (keys == null) {
            health.withDetail("issuer", "development (POST /dev/tokens)");
            return;
        }
        ProviderKeySet.Fetches fetches = keys.fetches();
        Instant keptUntil =
                fetches.fetchedAt() == null ? null : fetches.fetchedAt().plus(keys.maxAge());
        boolean usable = keptUntil != null && clock.instant().isBefore(keptUntil);
        health.withDetail(
                "provider",
                fetches.failingSince() == null && fetches.fetchedAt() != null ? "reachable" : "unreachable");
        health.withDetail("keySet", !usable ? "none" : fetches.failingSince() == null ? "current" : "kept");
        health.withDetail("keys", usable ? fetches.keys() : 0);
        if (fetches.fetchedAt() != null) {
            health.withDetail("fetchedAt", fetches.fetchedAt());
        }
        if (fetches.failingSince() != null) {
            health.withDetail("failingSince", fetches.failingSince());
            if (usable) {
                health.withDetail("keptUntil", keptUntil);
            }
        }
    }
}
