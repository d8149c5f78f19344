package io.runledger.command.access;

import java.util.function.Supplier;

import io.runledger.command.lookup.TransactionalLookup;
import io.runledger.domain.org.MemberAdded;
import io.runledger.domain.org.MemberRemoved;
import io.runledger.domain.org.MemberRoleChanged;
import io.runledger.domain.org.OrgCreated;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.shared.DomainRuleViolation;
import io.runledger.domain.user.AuthIdentityLinked;
import io.runledger.domain.user.UserRegistered;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code access_users}, {@code access_identities}, {@code access_org_slugs}, {@code access_memberships} and
 * {@code access_projects} in step with the event store, inside the transaction that stores the events (processing
 * group {@value #PROCESSING_GROUP} is subscribing and propagates errors), so a rejected row rolls the command back.
 * Their unique keys are the read models' ({@code users.email}, {@code auth_identities(provider, provider_user_id)},
 * {@code orgs.slug}): what would break a read model is refused in the command's own transaction instead.
 */
@TransactionalLookup(processingGroup = AccessProjector.PROCESSING_GROUP)
public record AccessProjector(JdbcClient jdbc) {

    /** Shared with {@link InvitationLookup}, which keeps the access tables' invitations. */
    public static final String PROCESSING_GROUP = "access";

    @EventHandler
    void on(UserRegistered registered) {
        claim(
                () -> new EmailAlreadyRegistered(registered.email()),
                "insert into access_users (user_id, email) values (?, ?)",
                registered.userId(),
                registered.email());
    }

    @EventHandler
    void on(AuthIdentityLinked linked) {
        claim(
                () -> new IdentityAlreadyLinked(linked.provider(), linked.providerUserId()),
                "insert into access_identities (provider, provider_user_id, user_id) values (?, ?, ?)",
                linked.provider().name(),
                linked.providerUserId(),
                linked.userId());
    }

    /** Slugs are optional; one given is the org's for good. */
    @EventHandler
    void on(OrgCreated created) {
        if (created.slug() != null) {
            claim(
                    () -> new SlugTaken(created.slug()),
                    "insert into access_org_slugs (slug, org_id) values (?, ?)",
                    created.slug(),
                    created.orgId());
        }
    }

    @EventHandler
    void on(ProjectCreated created) {
        jdbc.sql("insert into access_projects (project_id, org_id) values (?, ?)")
                .params(created.projectId(), created.orgId())
                .update();
    }

    @EventHandler
    void on(MemberAdded added) {
        jdbc.sql("insert into access_memberships (org_id, user_id, role) values (?, ?, ?)")
                .params(added.orgId(), added.userId(), added.role().name())
                .update();
    }

    @EventHandler
    void on(MemberRoleChanged changed) {
        jdbc.sql("update access_memberships set role = ? where org_id = ? and user_id = ?")
                .params(changed.role().name(), changed.orgId(), changed.userId())
                .update();
    }

    @EventHandler
    void on(MemberRemoved removed) {
        jdbc.sql("delete from access_memberships where org_id = ? and user_id = ?")
                .params(removed.orgId(), removed.userId())
                .update();
    }

    /** An insert whose unique key is a rule: a row already holding the key refuses the command with {@code taken}. */
    private void claim(Supplier<DomainRuleViolation> taken, String insert, Object... values) {
        try {
            jdbc.sql(insert).params(values).update();
        } catch (DuplicateKeyException inUse) {
            throw taken.get();
        }
    }
}
