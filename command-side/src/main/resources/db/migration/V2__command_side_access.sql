-- Owned by command-side's AccessProjector (io.runledger.command.access): who may act in which org.
-- The projector is a subscribing processor, so these rows are written in the same transaction as the
-- events they follow and authorization checks never lag behind the event store.
create table access_users (
    user_id uuid primary key,
    -- one person per email, across sign-in providers: a second registration with the email fails whole
    email   text not null unique
);

create table access_memberships (
    org_id  uuid not null,
    user_id uuid not null,
    role    text not null check (role in ('OWNER', 'ADMIN', 'DEVELOPER', 'VIEWER')),
    primary key (org_id, user_id)
);

create index access_memberships_by_user on access_memberships (user_id);
