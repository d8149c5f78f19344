-- Owned by command-side's crypto package (io.runledger.command.crypto.SubjectKeyTable): the data key of each
-- data subject (a person or an org), wrapped by the operator's master key. Personal data in events is sealed
-- under these keys; erasing a subject sets wrapped_key to null for good, which makes everything sealed under it
-- unreadable (crypto-shredding, docs/erasure.md). The row stays, without key material, so that the subject
-- reads as erased rather than unknown and no new key is ever made for it.
create table subject_keys (
    subject_id  uuid primary key,
    kind        text        not null check (kind in ('PERSON', 'ORG')),
    wrapped_key bytea,
    created_at  timestamptz not null default now(),
    erased_at   timestamptz,
    check ((wrapped_key is null) = (erased_at is not null))
);
