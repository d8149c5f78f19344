-- ReadModelRebuild: how far the rebuild of each read model that was swapped in had handled the store, as its
-- processor's token (token_entry's columns). The live processor, which was paused a little behind, passes over
-- these events for that read model instead of writing them into its new tables a second time; the row goes once
-- the live processor has passed the token. Kept here, in the swap's transaction, so a restart in between keeps it.
create table read_model_rebuilt_through (
    read_model text primary key,
    token      bytea        not null,
    token_type varchar(255) not null,
    swapped_at timestamptz  not null
);
