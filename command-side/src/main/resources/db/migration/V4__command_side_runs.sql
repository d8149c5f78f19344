-- Owned by command-side's CatalogProjector (io.runledger.command.catalog): the patterns runs may use,
-- kept in the transaction of the pattern events (subscribing processor "catalog").
create table catalog_patterns (
    pattern_id       uuid primary key,
    name             text    not null unique,
    default_strategy text,
    active           boolean not null
);

-- Owned by command-side's RunQueue (io.runledger.command.run): what a run works on. Inputs stay out of
-- the event log, which is immutable, so a tenant's text can be deleted; events carry its size.
create table run_inputs (
    run_id       uuid primary key,
    org_id       uuid not null,
    input_source text not null,
    content      text not null
);
