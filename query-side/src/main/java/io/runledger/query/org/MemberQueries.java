package io.runledger.query.org;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.runledger.query.Rows;
import io.runledger.query.tenant.TenantReads;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** An org's members and its invitations, read under the tenant's row-level security. */
@Component
public record MemberQueries(TenantReads reads) {

    public record Member(
            UUID userId, @Nullable String email, @Nullable String name, String role, Instant joinedAt) {}

    public record Invitation(
            UUID id,
            String email,
            String role,
            String status,
            @Nullable String invitedBy,
            @Nullable UUID userId,
            Instant expiresAt,
            Instant createdAt,
            Instant updatedAt) {}

    /** Oldest member first: the founders lead. */
    public List<Member> members(UUID orgId) {
        return reads.read(orgId, sql -> sql.sql("""
                select m.user_id, u.email, u.name, m.role, m.created_at
                from org_memberships m left join users u on u.id = m.user_id
                where m.org_id = ? order by m.created_at, m.user_id
                """)
                .param(orgId)
                .query((rs, row) -> new Member(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getString("role"),
                        Rows.instant(rs, "created_at")))
                .list());
    }

    /** Newest first; {@code status} null for all of them. */
    public List<Invitation> invitations(UUID orgId, String status) {
        return reads.read(orgId, sql -> sql.sql("""
                select * from invitations
                where org_id = ? and (cast(? as text) is null or status = ?)
                order by created_at desc, id limit 500
                """)
                .params(orgId, status, status)
                .query((rs, row) -> new Invitation(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("role"),
                        rs.getString("status"),
                        rs.getString("invited_by"),
                        rs.getObject("user_id", UUID.class),
                        Rows.instant(rs, "expires_at"),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "updated_at")))
                .list());
    }
}
