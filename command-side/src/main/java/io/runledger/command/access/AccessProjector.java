package io.runledger.command.access;

import io.runledger.domain.org.MemberAdded;
import io.runledger.domain.org.MemberRemoved;
import io.runledger.domain.org.MemberRoleChanged;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.user.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code access_users}, {@code access_memberships} and {@code access_projects} in step with the event store, inside the
 * transaction that stores the events (processing group {@value #PROCESSING_GROUP} is subscribing and
 * propagates errors), so a rejected row rolls the command back.
 */
@Component
@ProcessingGroup(AccessProjector.PROCESSING_GROUP)
public class AccessProjector {

    public static final String PROCESSING_GROUP = "access";

    private final JdbcClient jdbc;

    AccessProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered registered) {
        try {
            jdbc.sql("insert into access_users (user_id, email) values (?, ?)")
                    .params(registered.userId(), registered.email()).update();
        } catch (DuplicateKeyException emailInUse) {
            throw new EmailAlreadyRegistered(registered.email());
        }
    }

    @EventHandler
    void on(ProjectCreated created) {
        jdbc.sql("insert into access_projects (project_id, org_id) values (?, ?)")
                .params(created.projectId(), created.orgId()).update();
    }

    @EventHandler
    void on(MemberAdded added) {
        jdbc.sql("insert into access_memberships (org_id, user_id, role) values (?, ?, ?)")
                .params(added.orgId(), added.userId(), added.role().name()).update();
    }

    @EventHandler
    void on(MemberRoleChanged changed) {
        jdbc.sql("update access_memberships set role = ? where org_id = ? and user_id = ?")
                .params(changed.role().name(), changed.orgId(), changed.userId()).update();
    }

    @EventHandler
    void on(MemberRemoved removed) {
        jdbc.sql("delete from access_memberships where org_id = ? and user_id = ?")
                .params(removed.orgId(), removed.userId()).update();
    }
}
