-- The read models: seed 000's SaaS tables and seed 003's organizations, projects, generations and
-- system_logs, merged as DESIGN.md says. Each table is owned by one projector in projections-sql
-- (named above it), fed by its own pooled streaming processor whose token is written in the same
-- transaction as its rows, and rebuilt from the event store on replay.
--
-- Foreign keys: only between tables of one projector. A processor hands each tenant's events to one
-- segment in store order, so within a projector a parent row (an org, a run, a project, a user) is
-- always written before its children. Across projectors nothing orders the writes (the runs
-- processor may be ahead of the patterns processor, and a replay rebuilds one projector while the
-- others stand), so references between their tables (runs -> patterns, usage_events -> runs,
-- org_memberships -> users, …) are left to the event store's guarantees, not constraints.

-- OrgProjector: seed 000 orgs + seed 003 organizations
create table orgs (
    id                     uuid primary key,
    name                   text        not null,
    slug                   text unique,
    stripe_customer_id     text,
    stripe_subscription_id text,
    subscription_status    text        not null default 'trialing'
        check (subscription_status in ('trialing', 'active', 'past_due', 'canceled', 'unpaid')),
    subscription_plan      text        not null default 'free',
    trial_ends_at          timestamptz,
    -- generations requested in generations_month (UTC, first day); another month reads as 0
    generations_this_month integer     not null default 0,
    generations_month      date,
    generations_limit      integer     not null default 3,
    settings               jsonb       not null default '{}',
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

-- OrgProjector: seed 000's default role 'member' is seed 003's 'developer'
create table org_memberships (
    org_id     uuid        not null references orgs (id) on delete cascade,
    user_id    uuid        not null,
    role       text        not null check (role in ('owner', 'admin', 'developer', 'viewer')),
    created_at timestamptz not null,
    primary key (org_id, user_id)
);
create index org_memberships_by_user on org_memberships (user_id);

-- UserProjector: global identities
create table users (
    id         uuid primary key,
    email      text        not null unique,
    name       text,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table auth_identities (
    id               uuid primary key,
    user_id          uuid        not null references users (id) on delete cascade,
    provider         text        not null check (provider in ('google', 'github', 'magic')),
    provider_user_id text        not null,
    created_at       timestamptz not null,
    unique (provider, provider_user_id)
);

-- PatternProjector: the global catalog
create table patterns (
    id               uuid primary key,
    name             text        not null unique,
    description      text,
    category         text,
    default_strategy text,
    active           boolean     not null default true,
    created_at       timestamptz not null
);

-- PlanTable: the plans as configured, written at start-up
create table plans (
    id                  text primary key check (id in ('free', 'pro', 'team')),
    name                text  not null,
    monthly_price_cents int   not null,
    limits              jsonb not null
);

-- SubscriptionProjector: one subscription per org
create table subscriptions (
    id                     uuid primary key,
    org_id                 uuid        not null unique,
    plan_id                text        not null,
    stripe_customer_id     text,
    stripe_subscription_id text,
    status                 text        not null
        check (status in ('trialing', 'active', 'past_due', 'canceled', 'unpaid')),
    trial_ends_at          timestamptz,
    current_period_end     timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

-- RunProjector: runs and their outputs
create table runs (
    id              uuid primary key,
    org_id          uuid        not null,
    user_id         uuid        not null,
    pattern_id      uuid        not null,
    input_source    text        not null check (input_source in ('text', 'youtube', 'upload')),
    input_chars     int,
    strategy        text,
    status          text        not null check (status in ('queued', 'processing', 'succeeded', 'failed')),
    queued_at       timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    error           text,
    request_id      text,
    idempotency_key text,
    attempt         int         not null default 0,
    worker_id       text,
    unique (org_id, idempotency_key)
);
-- seed 000: lists by status, newest first
create index runs_by_org_status on runs (org_id, status, queued_at);
-- lists and dashboards over a time range without a status filter
create index runs_by_org_queued on runs (org_id, queued_at, id);

create table outputs (
    id          uuid primary key,
    run_id      uuid        not null references runs (id) on delete cascade,
    org_id      uuid        not null,
    content     text,
    content_url text,
    summary     text,
    keywords    text[]      not null default '{}',
    metadata    jsonb       not null default '{}',
    created_at  timestamptz not null
);
create index outputs_by_run on outputs (run_id);

-- UsageProjector: one row per UsageRecorded; its id is the event's, so billing can match them
create table usage_events (
    id         uuid primary key,
    org_id     uuid        not null,
    user_id    uuid,
    run_id     uuid,
    event_type text        not null check (event_type in ('run.created', 'run.completed', 'tokens.used')),
    quantity   numeric     not null,
    created_at timestamptz not null
);
create index usage_events_by_org_time on usage_events (org_id, created_at);

-- ProjectProjector: seed 003 projects and generations
create table projects (
    id                 uuid primary key,
    organization_id    uuid        not null,
    user_id            uuid        not null,
    name               text        not null,
    description        text,
    prompt             text        not null,
    audio_path         text        not null,
    audio_duration     numeric,
    resolution         text        not null,
    style_preference   text        not null,
    footage_visibility numeric     not null,
    effect_intensity   numeric     not null,
    status             text        not null
        check (status in ('draft', 'queued', 'analyzing', 'orchestrating', 'rendering', 'completed', 'failed')),
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index projects_by_org on projects (organization_id, created_at, id);

create table generations (
    id                  uuid primary key,
    project_id          uuid        not null references projects (id) on delete cascade,
    organization_id     uuid        not null,
    user_id             uuid        not null,
    -- seed 003 makes seeds globally unique; Runledger's rule (the Project aggregate's) is per project
    seed                text        not null,
    generation_number   integer,
    audio_analysis      jsonb,
    visual_plan         jsonb,
    video_url           text,
    thumbnail_url       text,
    duration            numeric,
    file_size           bigint,
    render_time_seconds integer,
    status              text        not null check (status in ('pending', 'processing', 'completed', 'failed')),
    error_message       text,
    attempt             integer     not null default 0,
    created_at          timestamptz not null,
    started_at          timestamptz,
    completed_at        timestamptz,
    unique (project_id, seed)
);
create index generations_by_org on generations (organization_id, created_at, id);
create index generations_by_org_status on generations (organization_id, status, created_at);

-- SystemLogProjector: one row per event, whatever its kind; its id is the event's
create table system_logs (
    id              uuid primary key,
    -- the event's place in the store, for ordering; the id is what makes a row unique
    global_index    bigint      not null,
    organization_id uuid        not null,
    user_id         uuid,
    project_id      uuid,
    generation_id   uuid,
    action_type     text        not null,
    status          text        not null check (status in ('started', 'success', 'warning', 'error')),
    severity        text        not null default 'info' check (severity in ('debug', 'info', 'warning', 'error')),
    message         text        not null,
    details         jsonb,
    error_message   text,
    created_at      timestamptz not null
);
create index system_logs_by_org_time on system_logs (organization_id, created_at, id);
