-- Owned by command-side's SubscriptionProjector (io.runledger.command.plan): each org's plan and payment
-- state, written in the transaction of the subscription events (subscribing processor "plans").
create table plan_subscriptions (
    org_id        uuid primary key,
    plan          text not null,
    status        text not null,
    trial_ends_at timestamptz
);

-- Owned by command-side's PlanLimits: what each org used of a metered allowance in a period. Incremented
-- in the transaction that stores the run, under the row's lock, so concurrent requests cannot overshoot.
create table plan_usage (
    org_id       uuid not null,
    meter        text not null,
    period_start date not null,
    used         int  not null,
    primary key (org_id, meter, period_start)
);
