-- Owned by command-side's WorkQueue (io.runledger.command.worker): every run and generation a worker may
-- take, from queued to finished. Its event handlers (subscribing processor "work-queue") write in the
-- transaction of the events; its lease statements in the transaction of the claim or report.
create table work_queue (
    job_id           uuid primary key,
    kind             text        not null check (kind in ('run', 'generation')),
    org_id           uuid        not null,
    queued_at        timestamptz not null,
    -- waiting for a worker | leased to one | finished (kept, so a worker's retried report is still recognised)
    state            text        not null check (state in ('waiting', 'leased', 'finished')),
    -- what the worker needs to do the job, as of when it was queued
    task             jsonb       not null,
    attempts         int         not null default 0,
    lease_id         uuid,
    worker_id        text,
    lease_expires_at timestamptz
);

-- claims: the waiting jobs of a kind, oldest first
create index work_queue_waiting on work_queue (kind, org_id, queued_at) where state = 'waiting';
-- the expiry sweep: leases by deadline
create index work_queue_leased on work_queue (lease_expires_at) where state = 'leased';

-- The project details a generation renders, copied into its task when it is requested.
create table work_projects (
    project_id uuid primary key,
    details    jsonb not null
);
