-- Which attempt holds a key (IdempotentRequests): an attempt that a crash left unfinished is taken over by a
-- retry after runledger.idempotency.recover-after, and only the holder may answer or free the key.
alter table idempotency_keys add column claim_id uuid;
