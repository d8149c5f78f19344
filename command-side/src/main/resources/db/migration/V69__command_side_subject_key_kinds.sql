-- The kinds of data subject a key is kept for (PersonalData.Subject, docs/erasure.md). An invitation's address is
-- sealed under a key of its own (INVITEE): the person invited may never sign up, so neither a person's key nor the
-- org's would let both erase it.
alter table subject_keys drop constraint if exists subject_keys_kind_check;
alter table subject_keys add constraint subject_keys_kind_check check (kind in ('PERSON', 'ORG', 'INVITEE'));
-- Tenant-scoped reads (the audit API and export, as runledger_reader) open sealed values too, and look a key up when
-- it is not cached: they read the wrapped keys, which open only with the master key, never kept in the database.
grant select on subject_keys to runledger_reader;
