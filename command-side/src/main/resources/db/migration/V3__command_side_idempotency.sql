-- Owned by command-side's IdempotentRequests (io.runledger.command.idempotency): the first answer to each
-- Idempotency-Key, replayed to retries. The primary key is what makes concurrent retries create one thing.
create table idempotency_keys (
    scope               text        not null, -- who may reuse the key, e.g. "user:<id>:POST /v1/orgs"
    idempotency_key     text        not null,
    request_fingerprint text        not null, -- SHA-256 of the request body: a different body is a client bug
    response_status     int,                  -- null while the first request is still running
    response_location   text,
    response_body       text,
    created_at          timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
