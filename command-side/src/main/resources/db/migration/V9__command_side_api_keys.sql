-- Owned by command-side's ApiKeyProjector (io.runledger.command.apikey): tenant API keys by the digest of
-- their secret, written in the transaction of the key events (subscribing processor "api-keys"), so a
-- revoked key is refused from the moment the revocation commits.
create table api_keys (
    key_id     uuid primary key,
    org_id     uuid        not null,
    name       text        not null,
    role       text        not null,
    key_digest text        not null unique,
    key_prefix text        not null,
    issued_by  uuid        not null,
    issued_at  timestamptz not null,
    revoked_at timestamptz
);

create index api_keys_by_org on api_keys (org_id, issued_at);
