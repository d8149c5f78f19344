-- Owned by command-side's plan package (io.runledger.command.plan).
--
-- Whether the subscription's trial end is a scheduled deadline (scheduled_tasks). A subscription started by
-- this version schedules its own as it starts, so SubscriptionProjector writes true. Rows that were here
-- before (their trial end was checked only at request time), and any that an instance of an earlier version
-- adds during a rolling upgrade, are false: TrialEndBackfill schedules their trial ends at the next start.
alter table plan_subscriptions add column trial_end_scheduled boolean not null default false;

-- TrialEndBackfill's look-up: the few trialing rows still waiting for their deadline.
create index plan_subscriptions_trial_end_unscheduled on plan_subscriptions (org_id)
    where status = 'TRIALING' and not trial_end_scheduled;
