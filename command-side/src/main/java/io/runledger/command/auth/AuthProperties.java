package io.runledger.command.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Who signs the JWTs Runledger accepts: an external OAuth2 issuer ({@code RUNLEDGER_AUTH_ISSUER_URI} or a
 * JWK set URI), or, when neither is set, a local issuer for development that mints tokens at
 * {@code POST /dev/tokens}.
 *
 * @param issuerUri     OpenID issuer whose discovery document names its keys
 * @param jwkSetUri     JWK set of an issuer without discovery
 * @param localTokenTtl lifetime of tokens minted by the local issuer
 */
@ConfigurationProperties("runledger.auth")
public record AuthProperties(String issuerUri, String jwkSetUri, Duration localTokenTtl) {

    public AuthProperties {
        localTokenTtl = localTokenTtl == null ? Duration.ofHours(12) : localTokenTtl;
    }

    public boolean localIssuer() {
        return !StringUtils.hasText(issuerUri) && !StringUtils.hasText(jwkSetUri);
    }
}
