-- UsageProjector: generations are metered too. A completed generation records generations.completed (1) and
-- render.seconds (its rendering, in whole seconds rounded up); its usage names the generation, not a run.
alter table usage_events add column generation_id uuid;
alter table usage_events drop constraint usage_events_event_type_check;
alter table usage_events add constraint usage_events_event_type_check
    check (event_type in ('run.created', 'run.completed', 'tokens.used', 'generations.completed', 'render.seconds'));
