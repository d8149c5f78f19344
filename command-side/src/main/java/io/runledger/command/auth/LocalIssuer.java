package io.runledger.command.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.runledger.domain.user.AuthProvider;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The development issuer: an RS256 key pair made at start-up, so its tokens are valid until the
 * service restarts. Production deployments configure a real issuer instead.
 */
public class LocalIssuer {

    public static final String ISSUER = "runledger-local";

    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    public LocalIssuer(AuthProperties properties, Clock clock) {
        KeyPair keys = newRsaKeyPair();
        this.publicKey = (RSAPublicKey) keys.getPublic();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(publicKey)
                .privateKey(keys.getPrivate())
                .keyID("local")
                .build())));
        this.properties = properties;
        this.clock = clock;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** A signed token for a person who proved nothing: development only. */
    public String mint(String email, String name, AuthProvider provider) {
        Instant now = clock.instant();
        String normalizedEmail = email.strip().toLowerCase(Locale.ROOT);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(provider.code() + ":" + normalizedEmail)
                .issuedAt(now)
                .expiresAt(now.plus(properties.localTokenTtl()))
                .claim(JwtCallers.EMAIL, normalizedEmail)
                .claim(JwtCallers.NAME, name == null ? normalizedEmail : name)
                .claim(JwtCallers.PROVIDER, provider.code())
                .build();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId("local").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no RSA", e);
        }
    }
}
