-- The store docs/audit.md's plans were taken on: 1,000,000 events of 1,000 orgs in domain_event_entry and audit_events,
-- generated in SQL (links are stand-ins: plans do not depend on them). Run on an empty database after migrations V1
-- and V50 (psql -f), then V68, then the queries of docs/audit.md under "Plans".
create unlogged table gen as
select i,
       case when i % 5 = 0 then md5('org-big')::uuid else md5('org-' || (i % 999))::uuid end as org,
       md5('run-' || (i / 5))::uuid as agg,
       md5('user-' || (i % 7) || '-' || (i % 999))::uuid::text as actor,
       (array['run.queued','run.started','run.output_produced','run.succeeded','run.failed','usage.recorded',
              'project.created','generation.requested','apikey.issued','org.member_added','run.cancelled'])[(i * 7) % 11 + 1] as action,
       timestamptz '2026-11-01 00:00:00+00' + i * interval '2.592 seconds' as at
from generate_series(1, 1000000) i;
insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
select i, agg::text, i, 'Run', md5('event-' || i)::uuid::text,
       convert_to('{"actor":"' || actor || '","actorKind":"user","actorEmail":"enc:v1:' || actor || ':' || repeat('A', 60)
                  || '","clientAddress":"enc:v1:' || actor || ':' || repeat('B', 40) || '","requestId":"' || md5('r' || i)::uuid
                  || '","correlationId":"' || md5('c' || i)::uuid || '"}', 'UTF8'),
       convert_to('{"orgId":"' || org || '","runId":"' || agg || '","summary":"' || repeat('w', 330) || '"}', 'UTF8'),
       null, 'io.runledger.domain.run.RunQueued', to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
from gen;
insert into audit_events (org_id, chain_sequence, global_index, event_id, action, actor, aggregate_type, aggregate_id,
                          occurred_at, link)
select org, row_number() over (partition by org order by i), i, md5('event-' || i)::uuid::text, action, actor, 'run',
       agg::text, at, sha256(int8send(i))
from gen;
drop table gen;
select setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), 1000000);
-- here: V68 (its index took 37 s on this store), then
vacuum analyze domain_event_entry;
vacuum analyze audit_events;
select pg_size_pretty(pg_total_relation_size('domain_event_entry')) as events, pg_size_pretty(pg_relation_size('domain_event_entry_org_idx')) as org_index,
       pg_size_pretty(pg_total_relation_size('audit_events')) as audit_events;
