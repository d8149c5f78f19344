package io.runledger.command.auth;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Admits the platform's workers by the bearer credentials the operator configured ({@code name:secret}, or a
 * bare secret named {@value #UNNAMED}). Only digests are kept in memory; the principal is the credential's name.
 */
public class WorkerCredentials implements OpaqueTokenIntrospector {

    public static final String AUTHORITY = "ROLE_WORKER";
    static final String UNNAMED = "worker";
    /** The credential the development setup (embedded database) admits when the operator configured none. */
    public static final String DEVELOPMENT = "dev:dev-worker-token";

    private final Map<String, String> namesByDigest;

    public WorkerCredentials(List<String> credentials) {
        this.namesByDigest = credentials.stream()
                .collect(Collectors.toUnmodifiableMap(
                        credential -> Sha256.hex(secretOf(credential)),
                        WorkerCredentials::nameOf,
                        (first, second) -> first));
    }

    public boolean isEmpty() {
        return namesByDigest.isEmpty();
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        String name = namesByDigest.get(Sha256.hex(token));
        if (name == null) {
            throw new BadOpaqueTokenException("Not a worker credential");
        }
        return new DefaultOAuth2AuthenticatedPrincipal(
                name, Map.of("sub", name), AuthorityUtils.createAuthorityList(AUTHORITY));
    }

    private static String nameOf(String credential) {
        int colon = credential.indexOf(':');
        return colon > 0 ? credential.substring(0, colon) : UNNAMED;
    }

    /** The secret a worker sends for {@code credential} ({@code name:secret} or a bare secret). */
    public static String secretOf(String credential) {
        int colon = credential.indexOf(':');
        return colon > 0 ? credential.substring(colon + 1) : credential;
    }
}
