-- OrgProjector: the generation the month's count counted last, so the same GenerationRequested handled again (a
-- redelivery after its write was kept) counts once. Null until an org's next request; a replay fills it.
alter table orgs
    add column generations_last_counted uuid;
