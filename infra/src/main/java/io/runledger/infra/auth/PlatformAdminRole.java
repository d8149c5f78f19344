package io.runledger.infra.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.access.PlatformAdminRequired;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the actuator's requests, gives a platform admin ({@link OrgAccess#requirePlatformAdmin}) the role
 * {@value #ROLE}, which the security rules ask for on the operators' endpoints and the actuator on health details
 * ({@code management.endpoint.health.roles}). Runs after the caller is bound; other requests are not looked at.
 */
final class PlatformAdminRole extends OncePerRequestFilter {

    static final String ROLE = "PLATFORM_ADMIN";
    private static final GrantedAuthority AUTHORITY = new SimpleGrantedAuthority("ROLE_" + ROLE);

    private final RequestMatcher actuator;
    private final OrgAccess access;

    PlatformAdminRole(RequestMatcher actuator, OrgAccess access) {
        this.actuator = actuator;
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !actuator.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken person
                && isPlatformAdmin()) {
            List<GrantedAuthority> authorities = new ArrayList<>(person.getAuthorities());
            authorities.add(AUTHORITY);
            SecurityContext withRole = SecurityContextHolder.createEmptyContext();
            withRole.setAuthentication(new JwtAuthenticationToken(person.getToken(), authorities, person.getName()));
            SecurityContextHolder.setContext(withRole);
        }
        chain.doFilter(request, response);
    }

    private boolean isPlatformAdmin() {
        try {
            access.requirePlatformAdmin();
            return true;
        } catch (PlatformAdminRequired notAnOperator) {
            return false;
        }
    }
}
