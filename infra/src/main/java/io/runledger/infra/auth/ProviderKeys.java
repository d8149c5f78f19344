package io.runledger.infra.auth;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.runledger.command.auth.AuthProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The identity provider's signing keys as token checks use them (Nimbus's caching key source over
 * {@link ProviderKeySet}): cached for {@code runledger.auth.jwks.refresh} and fetched again ahead of that in the
 * background, so no request waits for a routine fetch; the last key set fetched is kept through outages and stalls
 * for {@code runledger.auth.jwks.max-age}; a token with an unknown key id looks again, as often as
 * {@link ProviderKeySet} allows. Fetched at start when the provider answers; Runledger starts regardless.
 */
@Component
@Conditional(UsesIdentityProvider.class)
class ProviderKeys implements AutoCloseable {

    private final ProviderKeySet provider;
    private final JWKSource<SecurityContext> keys;
    private final Duration maxAge;

    ProviderKeys(AuthProperties properties, Clock clock) {
        AuthProperties.Jwks settings = properties.jwks();
        long refresh = settings.refresh().toMillis();
        long timeout = settings.timeout().toMillis();
        this.provider = new ProviderKeySet(properties, clock);
        this.maxAge = settings.maxAge();
        // A request that finds a fetch under way does not wait for it: it is answered from the keys at hand, so a
        // stalled provider ties up one request at a time, never a flood of them. The background refresh starts early
        // enough to be over (connect and read timed out, at worst) before the keys it replaces expire.
        this.keys = JWKSourceBuilder.create(provider)
                .cache(refresh, 0)
                .refreshAheadCache(Math.max(refresh / 10, 2 * timeout), true)
                .rateLimited(false)
                .outageTolerant(settings.maxAge().toMillis())
                .build();
        fetchAtStart();
    }

    JWKSource<SecurityContext> source() {
        return keys;
    }

    ProviderKeySet.Fetches fetches() {
        return provider.fetches();
    }

    Duration maxAge() {
        return maxAge;
    }

    private void fetchAtStart() {
        try {
            keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException unavailable) {
            // logged by ProviderKeySet; the first token to arrive asks again
        }
    }

    @Override
    public void close() throws IOException {
        if (keys instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
