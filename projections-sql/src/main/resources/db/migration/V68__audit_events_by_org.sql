-- The stored events that name an org, found by an index instead of a scan of the store (docs/audit.md). Verifying a
-- tenant's chain must find every event of the tenant that the chain never took in (a row inserted behind the audit
-- chain processor's back): with this index that costs the tenant's own events, not every event in its range of
-- positions. The org is read as the application reads it (TenantEvent.orgId, the payload's top-level "orgId"),
-- by PostgreSQL, so a row written by hand is indexed like any other.
create function audit_event_org(payload bytea) returns text
    language plpgsql immutable parallel safe as
$$
begin
    return convert_from(payload, 'UTF8')::jsonb ->> 'orgId';
exception
    -- bytes that are not JSON name no org as the application reads them; refusing them would refuse the write
    when others then return null;
end
$$;

create index domain_event_entry_org_idx on domain_event_entry (audit_event_org(payload), global_index);
