-- Owned by command-side's InvitationLookup (io.runledger.command.access): every invitation and its state,
-- written in the transaction of its events, so a DELETE tells "not yours" (404) from "no longer pending"
-- (409) and the first sign-in with an email finds what waits for it.
create table access_invitations (
    invitation_id uuid primary key,
    org_id        uuid        not null,
    email         text        not null,
    role          text        not null check (role in ('OWNER', 'ADMIN', 'DEVELOPER', 'VIEWER')),
    status        text        not null check (status in ('pending', 'accepted', 'revoked', 'expired')),
    expires_at    timestamptz not null
);

create index access_invitations_pending_by_email on access_invitations (email) where status = 'pending';
