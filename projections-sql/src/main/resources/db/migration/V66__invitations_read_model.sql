-- InvitationProjector (processing group read-orgs): every invitation of an org and what became of it.
create table invitations (
    id          uuid primary key,
    org_id      uuid        not null,
    email       text        not null,
    role        text        not null check (role in ('owner', 'admin', 'developer', 'viewer')),
    status      text        not null check (status in ('pending', 'accepted', 'revoked', 'expired')),
    invited_by  text,
    user_id     uuid,
    expires_at  timestamptz not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index invitations_by_org on invitations (org_id, created_at desc);

grant select on invitations to runledger_reader;
alter table invitations enable row level security;
create policy tenant_isolation on invitations for select to runledger_reader
    using (org_id = current_setting('runledger.org_id')::uuid);
