-- SystemLogProjector: the log is read in store order. Rows written before took global_index from the
-- processor's tracking token, which for an event committed after a later one (a gap the store filled) is the
-- later event's index; each row gets its own event's. (With Axon Server this table is empty and the rows
-- were right already.)
update system_logs l set global_index = e.global_index
from domain_event_entry e
where e.event_identifier = l.id::text and l.global_index <> e.global_index;

-- newest first per org, and the keyset of its pages; one row per event, so a position is never repeated
create unique index system_logs_by_org_position on system_logs (organization_id, global_index);
