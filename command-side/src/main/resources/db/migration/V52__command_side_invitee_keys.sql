-- An invitation's address is sealed under a key of its own (PersonalData.Subject.INVITEE, docs/erasure.md): the
-- person invited may never sign up, so neither a person's key nor the org's would let both erase it.
alter table subject_keys drop constraint subject_keys_kind_check;
alter table subject_keys add constraint subject_keys_kind_check check (kind in ('PERSON', 'ORG', 'INVITEE'));
