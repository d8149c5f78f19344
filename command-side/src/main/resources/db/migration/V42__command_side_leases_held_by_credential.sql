-- Owned by command-side's WorkQueue (io.runledger.command.worker): a lease belongs to the worker credential
-- that claimed it (its name, as in the actor worker:<name>); reports under it with another credential are
-- refused. worker_id stays the instance the worker names itself, which any credential may choose.
-- Leases taken before this column existed have none and are honoured for whichever credential reports.
alter table work_queue add column credential text;
