package io.runledger.query.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.domain.shared.Platform;
import io.runledger.projections.audit.AuditTrail;
import io.runledger.query.tenant.TenantReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything Runledger holds about one person (an access request, docs/erasure.md): their identity and sign-in
 * identities, and in each org they belong to their membership, the runs and their outputs and the projects they
 * created, and the system-log entries about them, rows as their tables hold them; and from the event store, as the
 * audit API reads it, every event they caused in any org they are or were in.
 */
@Component
record PersonalExport(JdbcClient jdbc, TenantReads tenants, AuditTrail trail, ObjectMapper json) {

    /** A part of the person's rows in one org: its name in the export, and its read with the org's id and theirs. */
    private record OrgRows(String name, String sql) {}

    private static final List<OrgRows> PERSONS_ROWS_IN_ORG = List.of(
            new OrgRows("membership", "select to_jsonb(m) from org_memberships m where m.org_id = ? and m.user_id = ?"),
            new OrgRows(
                    "runs", "select to_jsonb(r) from runs r where r.org_id = ? and r.user_id = ? order by r.queued_at"),
            new OrgRows("outputs", """
                    select to_jsonb(o) from outputs o join runs r on r.id = o.run_id
                    where o.org_id = ? and r.user_id = ? order by o.created_at
                    """),
            new OrgRows("projects", """
                    select to_jsonb(p) from projects p where p.organization_id = ? and p.user_id = ? order by p.created_at
                    """));

    ObjectNode of(UUID userId, List<UUID> orgs) {
        Instant now = Instant.now();
        ObjectNode export = json.createObjectNode();
        export.put("userId", userId.toString());
        export.put("exportedAt", now.toString());
        // users and auth_identities are global (no tenant); the person's own rows only
        export.set("user", firstOf(rows(jdbc, "select to_jsonb(u) from users u where u.id = ?", userId)));
        export.set(
                "identities",
                rows(
                        jdbc,
                        "select to_jsonb(a) from auth_identities a where a.user_id = ? order by a.created_at",
                        userId));
        ArrayNode platformLog = tenants.read(Platform.ORG_ID, tenant -> logOf(tenant, userId));
        export.set("platformLog", platformLog);
        ArrayNode memberships = export.putArray("orgs");
        for (UUID orgId : orgs) {
            ObjectNode part = tenants.read(orgId, tenant -> orgPart(tenant, orgId, userId));
            memberships.add(part);
        }
        export.set("auditTrail", auditTrail(userId.toString(), now));
        return export;
    }

    /**
     * The events the person caused, per tenant, read from the event store as {@code GET .../audit-events} reads
     * them: including orgs they have left (or that were erased), and theirs only.
     */
    private ArrayNode auditTrail(String actor, Instant until) {
        ArrayNode tenantsTrail = json.createArrayNode();
        for (UUID orgId : trail.tenantsActedIn(jdbc, actor)) {
            List<AuditTrail.Entry> events = tenants.read(orgId, tenant -> trail.actedBy(tenant, orgId, actor, until));
            ObjectNode part = tenantsTrail.addObject();
            part.put("orgId", orgId.toString());
            part.set("events", json.valueToTree(events));
        }
        return tenantsTrail;
    }

    /** The one row of a read by id, or null where there is none. */
    private JsonNode firstOf(JsonNode rows) {
        return rows.isEmpty() ? json.nullNode() : rows.get(0);
    }

    private ObjectNode orgPart(JdbcClient tenant, UUID orgId, UUID userId) {
        ObjectNode part = json.createObjectNode();
        part.put("orgId", orgId.toString());
        part.set("org", firstOf(rows(tenant, "select to_jsonb(o) from orgs o where o.id = ?", orgId)));
        PERSONS_ROWS_IN_ORG.forEach(each -> part.set(each.name(), rows(tenant, each.sql(), orgId, userId)));
        part.set("log", logOf(tenant, userId));
        return part;
    }

    /** Entries about the person, or caused by them. */
    private ArrayNode logOf(JdbcClient tenant, UUID userId) {
        return rows(tenant, """
                select to_jsonb(l) from system_logs l
                where l.user_id = ? or l.details #>> '{metadata,actor}' = ?
                order by l.global_index
                """, userId, userId.toString());
    }

    private ArrayNode rows(JdbcClient client, String sql, Object... params) {
        ArrayNode rows = json.createArrayNode();
        client.sql(sql).params(params).query(String.class).list().forEach(row -> rows.add(parse(row)));
        return rows;
    }

    private JsonNode parse(String row) {
        try {
            return json.readTree(row);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("PostgreSQL's to_jsonb gave no JSON", unreadable);
        }
    }
}
