-- A trial that ends without a paid plan is paused (TrialEnded), Stripe's name for a trial that ended without
-- a payment method: orgs (OrgProjector) and subscriptions (SubscriptionReadProjector) accept the status.
alter table orgs drop constraint orgs_subscription_status_check,
    add constraint orgs_subscription_status_check
        check (subscription_status in ('trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused'));

alter table subscriptions drop constraint subscriptions_status_check,
    add constraint subscriptions_status_check
        check (status in ('trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused'));
