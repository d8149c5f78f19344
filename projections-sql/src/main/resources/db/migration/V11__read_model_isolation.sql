-- Tenant isolation on reads (seed 003's row-level security). The query side reads as runledger_reader,
-- a role that owns nothing, so every policy applies to it: it is switched to with SET LOCAL ROLE and
-- given the tenant with set_config('runledger.org_id', …, true), both ending with the transaction, so
-- nothing leaks through a pooled connection. Without the setting a query fails rather than show all
-- rows. Projectors write as the owner, which the policies do not restrict.
--
-- Roles belong to the whole server: with an external database the migrating user needs CREATEROLE, or
-- an administrator creates runledger_reader beforehand (the block below then leaves it as it is).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'runledger_reader') then
        create role runledger_reader nologin;
    end if;
exception
    when duplicate_object then null; -- created meanwhile by a migration of another database on the server
end
$$;

grant runledger_reader to current_user;
do $$
begin
    execute format('grant usage on schema %I to runledger_reader', current_schema());
end
$$;
grant select on orgs, org_memberships, users, auth_identities, patterns, plans, subscriptions, runs, outputs,
    usage_events, projects, generations, system_logs to runledger_reader;

-- Each org-scoped table, by the column naming its org (seed 003's tables say organization_id).
do $$
declare
    scoped record;
begin
    for scoped in select * from (values
            ('orgs', 'id'), ('org_memberships', 'org_id'), ('subscriptions', 'org_id'), ('runs', 'org_id'),
            ('outputs', 'org_id'), ('usage_events', 'org_id'), ('projects', 'organization_id'),
            ('generations', 'organization_id'), ('system_logs', 'organization_id')) as tables (name, org_column)
    loop
        execute format('alter table %I enable row level security', scoped.name);
        execute format('create policy tenant_isolation on %I for select to runledger_reader '
                       'using (%I = current_setting(''runledger.org_id'')::uuid)', scoped.name, scoped.org_column);
    end loop;
end
$$;

-- People are global, but a tenant sees only its members (org_memberships is itself isolated above).
alter table users enable row level security;
create policy members_only on users for select to runledger_reader
    using (exists (select 1 from org_memberships m where m.user_id = users.id));

alter table auth_identities enable row level security;
create policy members_only on auth_identities for select to runledger_reader
    using (exists (select 1 from org_memberships m where m.user_id = auth_identities.user_id));
