package io.runledger.command.privacy;

import java.util.List;
import java.util.UUID;

import io.runledger.command.access.OrgNotFound;
import io.runledger.command.crypto.SubjectKeys;
import io.runledger.domain.org.EraseOrg;
import io.runledger.domain.org.RemoveMember;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.user.EraseUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erasure by crypto-shredding (docs/erasure.md). The subject's key is destroyed before its erasure is recorded, so
 * every event a read model handles from then on reads as the placeholder, and the read models' erasure handlers
 * overwrite what was projected before. Each step may be repeated: a retry, or a second request at once, finishes
 * what an interrupted one began and records the erasure once.
 */
@Component
public record Erasures(CommandGateway commands, JdbcClient jdbc, SubjectKeys keys) {

    /**
     * The person leaves every org, their key and those of the invitations sent to their address are destroyed,
     * {@code UserErased} is recorded, and the command side's lookups of them and the stored answers quoting their
     * address are deleted; their sign-in is refused from then on.
     *
     * @throws LastOwnerOfOrgs while they alone own an org that is not itself erased
     */
    public void eraseUser(UUID userId, String reason) {
        boolean onRecord = jdbc.sql("select exists (select 1 from access_users where user_id = ?)")
                .param(userId)
                .query(Boolean.class)
                .single();
        if (!onRecord && !keys.isErased(userId)) {
            throw new UserNotFound(userId);
        }
        List<UUID> soleOwner = jdbc.sql("""
                select m.org_id from access_memberships m
                where m.user_id = ? and m.role = 'OWNER'
                  and not exists (select 1 from access_memberships o
                                  where o.org_id = m.org_id and o.role = 'OWNER' and o.user_id <> m.user_id)
                order by m.org_id
                """).param(userId).query(UUID.class).list().stream()
                .filter(orgId -> !keys.isErased(orgId))
                .toList();
        if (!soleOwner.isEmpty()) {
            throw new LastOwnerOfOrgs(soleOwner);
        }
        jdbc.sql("select org_id from access_memberships where user_id = ? order by org_id")
                .param(userId)
                .query(UUID.class)
                .list()
                .forEach(orgId -> commands.sendAndWait(new RemoveMember(orgId, userId)));
        List<UUID> invitations = jdbc.sql("""
                select i.invitation_id from access_invitations i join access_users u on lower(i.email) = lower(u.email)
                where u.user_id = ? order by i.invitation_id
                """).param(userId).query(UUID.class).list();
        keys.destroy(DataSubject.person(userId));
        invitations.forEach(invitation -> keys.destroy(DataSubject.invitee(invitation)));
        recordOnce(new EraseUser(userId, reason, invitations));
        jdbc.sql(
                        "delete from access_invitations i using access_users u where lower(i.email) = lower(u.email) and u.user_id = ?")
                .param(userId)
                .update();
        // answers kept for retries that quote their address (an invitation to them, in the inviting org's scope):
        // a retry after this is answered anew, and cannot create twice (ids derive from org and key)
        jdbc.sql("""
                delete from idempotency_keys k using access_users u
                where u.user_id = ? and strpos(lower(k.response_body), lower(u.email)) > 0
                """).param(userId).update();
        jdbc.sql("delete from access_identities where user_id = ?")
                .param(userId)
                .update();
        jdbc.sql("delete from access_users where user_id = ?").param(userId).update();
        jdbc.sql("delete from idempotency_keys where scope like ?")
                .param("user:" + userId + ":%")
                .update();
    }

    /**
     * The org's key and those of its invitations are destroyed and {@code OrgErased} recorded; the command side
     * forgets its run inputs, queued work, invitations and stored answers, and its API keys' names. Usage and billing rows hold no content and stay.
     */
    public void eraseOrg(UUID orgId, String reason) {
        boolean known = jdbc.sql("select exists (select 1 from access_memberships where org_id = ?)")
                .param(orgId)
                .query(Boolean.class)
                .single();
        if (!known) {
            throw new OrgNotFound(orgId);
        }
        DataSubject org = DataSubject.org(orgId);
        List<UUID> invitations = jdbc.sql(
                        "select invitation_id from access_invitations where org_id = ? order by invitation_id")
                .param(orgId)
                .query(UUID.class)
                .list();
        keys.destroy(org);
        invitations.forEach(invitation -> keys.destroy(DataSubject.invitee(invitation)));
        recordOnce(new EraseOrg(orgId, reason, invitations));
        jdbc.sql("delete from access_invitations where org_id = ?").param(orgId).update();
        jdbc.sql("delete from run_inputs where org_id = ?").param(orgId).update();
        jdbc.sql("delete from work_queue where org_id = ?").param(orgId).update();
        jdbc.sql(
                        "delete from work_projects where project_id in (select project_id from access_projects where org_id = ?)")
                .param(orgId)
                .update();
        jdbc.sql("update api_keys set name = ? where org_id = ?")
                .params(org.placeholder(), orgId)
                .update();
        jdbc.sql("delete from idempotency_keys where scope like ?")
                .param("org:" + orgId + ":%")
                .update();
    }

    /**
     * Two erasures of one subject at once both load it before either is stored; the one stored second finds the
     * erasure recorded when it tries again, and records nothing.
     */
    private void recordOnce(Object erasure) {
        try {
            commands.sendAndWait(erasure);
        } catch (ConcurrencyException recordedMeanwhile) {
            commands.sendAndWait(erasure);
        }
    }
}
