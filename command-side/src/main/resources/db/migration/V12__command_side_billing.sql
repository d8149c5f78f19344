-- Owned by command-side's billing package (io.runledger.command.billing).

-- StripeCustomers (subscribing processor "billing"): which org a Stripe customer pays for, in the
-- transaction of StripeCustomerLinked, so a webhook naming only the customer finds its org.
create table billing_customers (
    stripe_customer_id text primary key,
    org_id             uuid not null unique
);

-- StripeWebhooks: every Stripe event id received, applied at most once; what became of it.
create table stripe_webhook_events (
    event_id    text primary key,
    type        text        not null,
    created     timestamptz not null,
    org_id      uuid,
    outcome     text        not null,
    received_at timestamptz not null default now()
);

-- StripeWebhooks: the newest subscription state applied per org, so a late, older event never moves
-- a subscription back (Stripe does not deliver in order).
create table stripe_subscription_watermarks (
    org_id        uuid primary key,
    event_created timestamptz not null,
    event_id      text        not null
);
