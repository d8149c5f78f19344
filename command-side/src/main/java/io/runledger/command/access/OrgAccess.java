package io.runledger.command.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.domain.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The permission check in front of every org-scoped command: a non-member learns nothing (the org is
 * "not found"), a member whose role is too low is refused.
 */
@Component
public class OrgAccess {

    private final JdbcClient jdbc;

    OrgAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The caller's role in the org, which must include {@code required}. */
    public Role require(UUID orgId, Role required) {
        Role role = roleOf(orgId, AuthenticatedUser.id()).orElseThrow(() -> new OrgNotFound(orgId));
        if (!role.includes(required)) {
            throw new RoleTooLow(role, required);
        }
        return role;
    }

    public UUID userWithEmail(String email) {
        return jdbc.sql("select user_id from access_users where email = lower(trim(?))").param(email)
                .query(UUID.class).optional().orElseThrow(() -> new UnknownUser(email));
    }

    /** Owners are made and unmade only by owners; everything else about members needs an admin. */
    public void requireToManage(UUID orgId, Role... rolesTouched) {
        boolean touchesOwner = Arrays.asList(rolesTouched).contains(Role.OWNER);
        require(orgId, touchesOwner ? Role.OWNER : Role.ADMIN);
    }

    public Optional<Role> roleOf(UUID orgId, UUID userId) {
        return jdbc.sql("select role from access_memberships where org_id = ? and user_id = ?")
                .params(orgId, userId).query(String.class).optional().map(Role::valueOf);
    }

}
