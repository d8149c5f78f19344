package io.runledger.command.apikey;

import java.util.UUID;

import io.runledger.command.auth.ApiKeyGrant;
import io.runledger.command.auth.Sha256;
import io.runledger.domain.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/** Admits a request bearing a tenant API key that was issued and not revoked, found by its secret's digest. */
@Component
public record ApiKeyCredentials(JdbcClient jdbc) implements OpaqueTokenIntrospector {

    public static boolean looksLikeKey(String token) {
        return ApiKeySecrets.looksLikeKey(token);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        return jdbc.sql(
                        "select key_id, org_id, role, issued_by from api_keys where key_digest = ? and revoked_at is null")
                .param(Sha256.hex(token))
                .query((rs, row) -> new ApiKeyGrant(
                        rs.getObject("key_id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("issued_by", UUID.class)))
                .optional()
                .map(ApiKeyGrant::asPrincipal)
                .orElseThrow(() -> new BadOpaqueTokenException("Unknown or revoked API key"));
    }
}
