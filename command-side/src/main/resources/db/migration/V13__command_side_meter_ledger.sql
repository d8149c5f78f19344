-- Owned by command-side's billing package: every UsageRecorded event as reported to a Stripe billing
-- meter (identifier = the event's id). Kept by the meter reporter's own streaming processor, so a
-- replay of the read models never sends anything again; reconciliation compares it with the store.
create table stripe_meter_events (
    usage_event_id uuid primary key,
    org_id         uuid        not null,
    meter          text        not null,
    quantity       numeric     not null,
    occurred_at    timestamptz not null,
    -- sent: Stripe acknowledged it; failed: gave up after retries (last_error says why)
    status         text        not null check (status in ('sent', 'failed')),
    last_error     text,
    recorded_at    timestamptz not null default now()
);
create index stripe_meter_events_by_org on stripe_meter_events (org_id, occurred_at);
