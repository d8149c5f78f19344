-- ProjectProjector: when a generation reached each middle stage (its audio analysis recorded, its visual plan
-- recorded, its rendering started), from each event's timestamp; null until then, and again after a requeue.
-- Rows written before this migration get them on a replay (the rebuild copies this table's definition).
alter table generations
    add column analyzed_at  timestamptz,
    add column planned_at   timestamptz,
    add column rendering_at timestamptz;
