package io.runledger.command.auth;

import java.time.Duration;
import java.util.List;

import io.runledger.command.settings.ListSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Who signs the JWTs Runledger accepts: an external OpenID provider ({@code RUNLEDGER_AUTH_ISSUER_URI}, or a
 * JWK set URI with the issuer it speaks for), or, when neither is set, a local issuer for development that mints
 * tokens at {@code POST /dev/tokens}. docs/authentication.md explains every setting.
 *
 * @param issuerUri           OpenID issuer whose discovery document names its keys
 * @param jwkSetUri           JWK set of an issuer without discovery (or one to use instead of discovery)
 * @param issuer              the {@code iss} the tokens of {@code jwkSetUri} carry; required beside it
 * @param audiences           a token must name one of these in {@code aud}; none configured: not checked
 * @param clockSkew           how far {@code exp}, {@code nbf} and {@code iat} may be off
 * @param assumeEmailVerified for providers that never send {@code email_verified}: an email without the claim counts
 *                            as verified ({@code email_verified: false} never does)
 * @param jwks                how the provider's keys are fetched and kept
 * @param localTokenTtl       lifetime of tokens minted by the local issuer
 */
@ConfigurationProperties("runledger.auth")
public record AuthProperties(
        String issuerUri,
        String jwkSetUri,
        String issuer,
        List<String> audiences,
        Duration clockSkew,
        boolean assumeEmailVerified,
        Jwks jwks,
        Duration localTokenTtl) {

    /**
     * @param timeout     connect and read timeout of each fetch (discovery, key set)
     * @param refresh     the keys are fetched again this often, in the background
     * @param maxAge      the last key set fetched stays in use this long while the provider cannot be reached
     * @param minInterval at most one fetch in this time, however many unknown key ids arrive
     */
    public record Jwks(Duration timeout, Duration refresh, Duration maxAge, Duration minInterval) {

        public Jwks {
            timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
            refresh = refresh == null ? Duration.ofMinutes(5) : refresh;
            maxAge = maxAge == null ? Duration.ofHours(24) : maxAge;
            minInterval = minInterval == null ? Duration.ofSeconds(30) : minInterval;
            if (refresh.compareTo(timeout.multipliedBy(4)) < 0) {
                throw new IllegalArgumentException(("RUNLEDGER_AUTH_JWKS_REFRESH (%s) must be at least four times "
                                + "RUNLEDGER_AUTH_JWKS_TIMEOUT (%s), so that a refresh is over before the keys it replaces expire")
                        .formatted(refresh, timeout));
            }
        }
    }

    public AuthProperties {
        audiences = ListSetting.values(audiences);
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        jwks = jwks == null ? new Jwks(null, null, null, null) : jwks;
        localTokenTtl = localTokenTtl == null ? Duration.ofHours(12) : localTokenTtl;
        if (StringUtils.hasText(jwkSetUri) && !StringUtils.hasText(issuerUri) && !StringUtils.hasText(issuer)) {
            throw new IllegalArgumentException(
                    "RUNLEDGER_AUTH_JWK_SET_URI needs RUNLEDGER_AUTH_ISSUER: the 'iss' its tokens "
                            + "carry, which every token must match");
        }
        if (StringUtils.hasText(issuerUri) && StringUtils.hasText(issuer) && !issuerUri.equals(issuer)) {
            throw new IllegalArgumentException(
                    "RUNLEDGER_AUTH_ISSUER (%s) differs from RUNLEDGER_AUTH_ISSUER_URI (%s); set one"
                            .formatted(issuer, issuerUri));
        }
    }

    public boolean localIssuer() {
        return !StringUtils.hasText(issuerUri) && !StringUtils.hasText(jwkSetUri);
    }

    /** The {@code iss} every accepted token carries: configured, never taken from the token. */
    public String tokenIssuer() {
        if (localIssuer()) {
            return LocalIssuer.ISSUER;
        }
        return StringUtils.hasText(issuerUri) ? issuerUri : issuer;
    }
}
