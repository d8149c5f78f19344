package io.runledger.infra.auth;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.runledger.command.auth.AuthProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * How a person's JWT is checked: an RS256 signature by a key of the issuer; {@code iss} the configured issuer;
 * {@code exp} present and not passed, {@code nbf} passed and {@code iat} not in the future (each give or take
 * {@code runledger.auth.clock-skew}); a {@code sub}; and, when audiences are configured, one of them in
 * {@code aud}; and no more than {@value #MAX_TOKEN_CHARS} characters. Whatever fails, the token is refused alike (a
 * 401 whose reason goes to the log).
 */
final class TokenChecks {

    /** Four times the largest tokens providers issue (with many groups or roles); any larger one is refused unread. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    /** Plain JWTs and RFC 9068 access tokens; a {@code typ} is optional. */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TOKEN_TYPES =
            new DefaultJOSEObjectTypeVerifier<>(
                    JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null);

    private TokenChecks() {}

    static JwtDecoder ofProvider(JWKSource<SecurityContext> keys, AuthProperties properties, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWSTypeVerifier(TOKEN_TYPES);
        // the claims are Spring Security's to check (below), as in the decoders Spring builds itself
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        return checked(new NimbusJwtDecoder(processor), properties, clock);
    }

    static JwtDecoder ofLocalIssuer(RSAPublicKey key, AuthProperties properties, Clock clock) {
        return checked(NimbusJwtDecoder.withPublicKey(key).build(), properties, clock);
    }

    /** A key set that cannot be had is Spring's JwtException (a 500 by default); every refusal is a BadJwtException here. */
    private static JwtDecoder checked(NimbusJwtDecoder decoder, AuthProperties properties, Clock clock) {
        decoder.setJwtValidator(claimChecks(properties, clock));
        return token -> {
            if (token.length() > MAX_TOKEN_CHARS) {
                throw new BadJwtException("The token has %d characters; at most %d are accepted"
                        .formatted(token.length(), MAX_TOKEN_CHARS));
            }
            try {
                return decoder.decode(token);
            } catch (BadJwtException refused) {
                throw refused;
            } catch (JwtException undecodable) {
                throw new BadJwtException(undecodable.getMessage(), undecodable);
            }
        };
    }

    private static OAuth2TokenValidator<Jwt> claimChecks(AuthProperties properties, Clock clock) {
        Duration skew = properties.clockSkew();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(skew);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>(List.of(
                timestamps,
                new JwtIssuerValidator(properties.tokenIssuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Instant>(
                        JwtClaimNames.IAT,
                        issuedAt -> issuedAt == null
                                || !issuedAt.isAfter(clock.instant().plus(skew))),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText)));
        List<String> audiences = properties.audiences();
        if (!properties.localIssuer() && !audiences.isEmpty()) {
            checks.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, named -> named != null && named.stream().anyMatch(audiences::contains)));
        }
        return JwtValidators.createDefaultWithValidators(checks);
    }
}
