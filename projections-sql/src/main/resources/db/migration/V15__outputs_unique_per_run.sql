-- RunProjector: an output's id is the worker's choice (so a retried delivery is recognised) and the Run aggregate
-- keeps it unique within its run; two runs may well use one id. The key is therefore (run, id), what the domain
-- guarantees, rather than the id alone, under which a second run's output was silently dropped.
alter table outputs drop constraint outputs_pkey, add primary key (run_id, id);
