-- Owned by command-side's AccessProjector: which org each project belongs to, so every project path is
-- checked against the org in the URL.
create table access_projects (
    project_id uuid primary key,
    org_id     uuid not null
);
