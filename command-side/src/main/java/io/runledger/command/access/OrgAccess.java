package io.runledger.command.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.runledger.command.auth.ApiKeyGrant;
import io.runledger.command.auth.AuthenticatedUser;
import io.runledger.command.auth.PlatformAdmins;
import io.runledger.domain.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The permission check in front of every org-scoped command: a non-member learns nothing (the org is
 * "not found"), a member whose role is too low is refused.
 */
@Component
public record OrgAccess(JdbcClient jdbc, PlatformAdmins platformAdmins) {

    /** The caller's role in the org, which must include {@code required}; an API key's is its own, in its org only. */
    public Role require(UUID orgId, Role required) {
        Optional<ApiKeyGrant> key = ApiKeyGrant.current();
        Role role = (key.isPresent()
                        ? key.filter(grant -> grant.orgId().equals(orgId)).map(ApiKeyGrant::role)
                        : roleOf(orgId, AuthenticatedUser.id()))
                .orElseThrow(() -> new OrgNotFound(orgId));
        if (!role.includes(required)) {
            throw new RoleTooLow(role, required);
        }
        return role;
    }

    /** As {@link #require}, and the project must belong to that org; otherwise it is "not found". */
    public Role requireProject(UUID orgId, UUID projectId, Role required) {
        Role role = require(orgId, required);
        boolean inOrg = jdbc.sql("select exists (select 1 from access_projects where project_id = ? and org_id = ?)")
                .params(projectId, orgId)
                .query(Boolean.class)
                .single();
        if (!inOrg) {
            throw new ProjectNotFound(orgId, projectId);
        }
        return role;
    }

    /** As {@link #require}, for what only people do: API keys neither create orgs nor manage keys. */
    public Role requirePerson(UUID orgId, Role required) {
        Role role = require(orgId, required);
        requirePerson();
        return role;
    }

    public void requirePerson() {
        if (ApiKeyGrant.current().isPresent()) {
            throw new PersonRequired();
        }
    }

    /** The orgs the caller belongs to; an API key belongs to its one org. */
    public List<UUID> readableOrgs() {
        Optional<ApiKeyGrant> key = ApiKeyGrant.current();
        if (key.isPresent()) {
            return List.of(key.get().orgId());
        }
        return jdbc.sql("select org_id from access_memberships where user_id = ?")
                .param(AuthenticatedUser.id())
                .query(UUID.class)
                .list();
    }

    /** Platform operators are people named by email; an API key is never one. */
    public void requirePlatformAdmin() {
        requirePerson();
        String email = jdbc.sql("select email from access_users where user_id = ?")
                .param(AuthenticatedUser.id())
                .query(String.class)
                .optional()
                .orElse(null);
        if (!platformAdmins.includes(email)) {
            throw new PlatformAdminRequired();
        }
    }

    public UUID userWithEmail(String email) {
        return jdbc.sql("select user_id from access_users where email = lower(trim(?))")
                .param(email)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new UnknownUser(email));
    }

    public boolean hasSignedIn(String email) {
        return jdbc.sql("select exists (select 1 from access_users where email = lower(trim(?)))")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    /** Owners are made and unmade only by owners; everything else about members needs an admin. */
    public void requireToManage(UUID orgId, Role... rolesTouched) {
        boolean touchesOwner = Arrays.asList(rolesTouched).contains(Role.OWNER);
        require(orgId, touchesOwner ? Role.OWNER : Role.ADMIN);
    }

    public Optional<Role> roleOf(UUID orgId, UUID userId) {
        return jdbc.sql("select role from access_memberships where org_id = ? and user_id = ?")
                .params(orgId, userId)
                .query(String.class)
                .optional()
                .map(Role::valueOf);
    }
}
