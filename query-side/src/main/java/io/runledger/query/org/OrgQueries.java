package io.runledger.query.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.runledger.query.Rows;
import io.runledger.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** Orgs with the columns {@code orgs} took from organizations: plan, subscription, trial and the month's generations. */
@Component
public record OrgQueries(TenantReads reads) {

    private static final String ORG_COLUMNS = """
            select o.*, case when o.generations_month = date_trunc('month', now() at time zone 'UTC')::date
                             then o.generations_this_month else 0 end as generations_now,
                   (select count(*) from org_memberships m where m.org_id = o.id) as members
            from orgs o
            """;

    public record OrgView(
            UUID id,
            @Schema(example = "Acme Studio") String name,
            @Schema(example = "acme-studio") @Nullable String slug,
            @Schema(example = "free") String subscriptionPlan,
            @Schema(example = "trialing") String subscriptionStatus,
            @Nullable Instant trialEndsAt,
            @Nullable String stripeCustomerId,
            @Nullable String stripeSubscriptionId,
            @Schema(example = "1") int generationsThisMonth,
            @Schema(example = "3") int generationsLimit,
            @Schema(example = "2") long members,
            Map<String, Object> settings,
            Instant createdAt,
            Instant updatedAt) {}

    public Optional<OrgView> org(UUID orgId) {
        return reads.read(orgId, sql -> sql.sql(ORG_COLUMNS + " where o.id = ?")
                .param(orgId)
                .query((rs, row) -> org(rs))
                .optional());
    }

    /** Each under its own tenant, so row-level security guards the list like every other read. */
    public List<OrgView> orgs(List<UUID> orgIds) {
        return orgIds.stream()
                .map(this::org)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(OrgView::name).thenComparing(OrgView::id))
                .toList();
    }

    private static OrgView org(ResultSet rs) throws SQLException {
        return new OrgView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("subscription_plan"),
                rs.getString("subscription_status"),
                Rows.instant(rs, "trial_ends_at"),
                rs.getString("stripe_customer_id"),
                rs.getString("stripe_subscription_id"),
                rs.getInt("generations_now"),
                rs.getInt("generations_limit"),
                rs.getLong("members"),
                Rows.jsonObject(rs, "settings"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
