package io.runledger.infra.auth;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import io.runledger.command.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * Where the identity provider's keys come from: its JWK set, found through its discovery document unless named
 * outright. Every fetch is bounded by {@code runledger.auth.jwks.timeout} (connect and read), and there is at most
 * one in {@code runledger.auth.jwks.min-interval}, whatever asks for it: a refusal here is an outage to the layers
 * above ({@link ProviderKeys}), which go on with the key set they kept. Remembers how fetches went, for the health
 * details.
 */
final class ProviderKeySet implements JWKSetSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(ProviderKeySet.class);
    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    /** The outcome of the fetches so far: the last key set's time and size, and since when fetches fail, if they do. */
    record Fetches(Instant fetchedAt, int keys, Instant failingSince) {}

    private final String issuer;
    private final URL discovery;
    private final ResourceRetriever retriever;
    private final Duration minInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<Instant> lastAttempt = new AtomicReference<>();
    private volatile URLBasedJWKSetSource<SecurityContext> keySet;
    private volatile Fetches fetches = new Fetches(null, 0, null);

    ProviderKeySet(AuthProperties properties, Clock clock) {
        int timeout = Math.toIntExact(properties.jwks().timeout().toMillis());
        this.issuer = properties.tokenIssuer();
        this.retriever = new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        this.minInterval = properties.jwks().minInterval();
        this.maxAge = properties.jwks().maxAge();
        this.clock = clock;
        if (StringUtils.hasText(properties.jwkSetUri())) {
            this.discovery = null;
            this.keySet = new URLBasedJWKSetSource<>(url(properties.jwkSetUri()), retriever);
        } else {
            this.discovery = url(properties.issuerUri().replaceAll("/+$", "") + DISCOVERY_PATH);
        }
    }

    Fetches fetches() {
        return fetches;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        Instant now = clock.instant();
        Instant previous = lastAttempt.get();
        if ((previous != null && now.isBefore(previous.plus(minInterval)))
                || !lastAttempt.compareAndSet(previous, now)) {
            throw new JWKSetUnavailableException("The key set was fetched less than " + minInterval + " ago");
        }
        try {
            JWKSet keys = keySet().getJWKSet(refreshEvaluator, currentTime, context);
            fetches = new Fetches(now, keys.size(), null);
            return keys;
        } catch (KeySourceException failed) {
            Fetches before = fetches;
            fetches = new Fetches(
                    before.fetchedAt(), before.keys(), before.failingSince() == null ? now : before.failingSince());
            log.warn(
                    "Could not fetch the identity provider's keys ({}); {}",
                    reason(failed),
                    before.fetchedAt() == null
                            ? "none fetched yet"
                            : "the key set fetched at " + before.fetchedAt() + " serves until "
                                    + before.fetchedAt().plus(maxAge));
            throw new JWKSetUnavailableException("The identity provider's keys could not be fetched", failed);
        }
    }

    private URLBasedJWKSetSource<SecurityContext> keySet() throws JWKSetUnavailableException {
        if (keySet == null) {
            keySet = new URLBasedJWKSetSource<>(discoveredKeySet(), retriever);
        }
        return keySet;
    }

    /** The discovery document must speak for the configured issuer; it is asked once, until it answers. */
    private URL discoveredKeySet() throws JWKSetUnavailableException {
        try {
            Map<String, Object> metadata =
                    JSONObjectUtils.parse(retriever.retrieveResource(discovery).getContent());
            String named = JSONObjectUtils.getString(metadata, "issuer");
            URI jwksUri = JSONObjectUtils.getURI(metadata, "jwks_uri");
            if (!issuer.equals(named) || jwksUri == null) {
                throw new JWKSetUnavailableException(
                        "The discovery document at %s names the issuer '%s' and the key set %s, "
                                        .formatted(discovery, named, jwksUri)
                                + "not the issuer '%s' and a key set".formatted(issuer));
            }
            return jwksUri.toURL();
        } catch (IOException | ParseException | IllegalArgumentException unusable) {
            throw new JWKSetUnavailableException(
                    "Discovery at " + discovery + " failed: " + unusable.getMessage(), unusable);
        }
    }

    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            reason.append(": ").append(cause.getMessage());
        }
        return reason.toString();
    }

    private static URL url(String location) {
        try {
            return URI.create(location).toURL();
        } catch (MalformedURLException | IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Not a URL: " + location, malformed);
        }
    }

    @Override
    public void close() throws IOException {
        if (keySet != null) {
            keySet.close();
        }
    }
}
