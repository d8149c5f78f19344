package io.runledger.command.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.runledger.domain.org.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * What a tenant API key in use may do: act in one org with one role, on behalf of the person who issued it.
 * Carried as the request's authenticated principal.
 */
public record ApiKeyGrant(UUID keyId, UUID orgId, Role role, UUID issuedBy) {

    public static final String AUTHORITY = "ROLE_API_KEY";

    public OAuth2AuthenticatedPrincipal asPrincipal() {
        return new DefaultOAuth2AuthenticatedPrincipal(
                keyId.toString(),
                Map.of("orgId", orgId, "role", role, "issuedBy", issuedBy),
                AuthorityUtils.createAuthorityList(AUTHORITY));
    }

    /** The grant of the API key the current request authenticated with, if it used one. */
    public static Optional<ApiKeyGrant> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal)
                || !AuthorityUtils.authorityListToSet(principal.getAuthorities())
                        .contains(AUTHORITY)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyGrant(
                UUID.fromString(principal.getName()),
                principal.getAttribute("orgId"),
                principal.getAttribute("role"),
                principal.getAttribute("issuedBy")));
    }
}
