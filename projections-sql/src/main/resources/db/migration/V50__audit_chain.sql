-- The audit trail's index and tamper evidence over domain_event_entry (docs/audit.md). The event store has no
-- org column (an event names its tenant in its payload), so the audit chain processor writes one row per stored
-- event: the tenant, the event's position, what the filters of GET /v1/orgs/{orgId}/audit-events need, and the
-- event's link in its tenant's SHA-256 hash chain. The event itself (payload and metadata bytes) stays in
-- domain_event_entry only, which the audit API reads; nothing here is rebuilt by a replay.
create table audit_events (
    org_id          uuid        not null,
    -- 1, 2, 3... per tenant: the order of the tenant's chain (the store's order as the processor followed it)
    chain_sequence  bigint      not null,
    global_index    bigint      not null,
    event_id        text        not null,
    action          text        not null,
    actor           text,
    aggregate_type  text,
    aggregate_id    text,
    occurred_at     timestamptz not null,
    -- sha256(previous link || canonical encoding of the stored event), 32 bytes
    link            bytea       not null,
    primary key (org_id, chain_sequence),
    constraint audit_events_global_index_uk unique (global_index)
);
-- Newest first, each filter with the position last, so a page is an index range scan of `limit` rows.
create index audit_events_org_position_idx on audit_events (org_id, global_index);
create index audit_events_org_action_idx on audit_events (org_id, action, global_index);
create index audit_events_org_actor_idx on audit_events (org_id, actor, global_index);
create index audit_events_org_target_idx on audit_events (org_id, aggregate_type, aggregate_id, global_index);
create index audit_events_org_time_idx on audit_events (org_id, occurred_at);

-- Signed checkpoints of a tenant's chain: an Ed25519 signature over the tenant, the chain's last sequence,
-- position and link, and the time (AuditChain.digestStatement).
create table audit_digests (
    org_id          uuid        not null,
    digest_sequence bigint      not null,
    chain_sequence  bigint      not null,
    global_index    bigint      not null,
    link            bytea       not null,
    signed_at       timestamptz not null,
    key_id          text        not null,
    signature       bytea       not null,
    primary key (org_id, digest_sequence)
);

-- Reads as runledger_reader see their tenant's rows only (V11), and of the event store only the events chained
-- for that tenant.
grant select on audit_events, audit_digests, domain_event_entry to runledger_reader;
alter table audit_events enable row level security;
create policy tenant_isolation on audit_events for select to runledger_reader
    using (org_id = current_setting('runledger.org_id')::uuid);
alter table audit_digests enable row level security;
create policy tenant_isolation on audit_digests for select to runledger_reader
    using (org_id = current_setting('runledger.org_id')::uuid);
alter table domain_event_entry enable row level security;
create policy tenant_events on domain_event_entry for select to runledger_reader
    using (exists (select 1 from audit_events a where a.global_index = domain_event_entry.global_index));
