-- Owned by command-side's AccessProjector (io.runledger.command.access), written in the transaction of the events
-- they follow: the unique keys of the read models orgs.slug and auth_identities(provider, provider_user_id), decided
-- here, so a command that would take a taken one is refused whole (409) instead of stopping a read model.

-- The slug each org took (normalised to lower case). Orgs are never deleted and never change their slug, so a slug
-- is never released.
create table access_org_slugs (
    slug   text primary key,
    org_id uuid not null unique
);

-- Each sign-in identity (provider as AuthProvider's name, the provider's id of the person) belongs to one user.
create table access_identities (
    provider         text not null,
    provider_user_id text not null,
    user_id          uuid not null,
    primary key (provider, provider_user_id)
);

-- A store that existed before these tables: what its events already took, in store order, so where two orgs took
-- one slug before the rule the first keeps it (as the orgs read model did). An event PostgreSQL cannot read as
-- JSON (a \u0000 in some field, from before text was checked) is left out with a notice: no read model could
-- hold it either.
do $$
declare
    stored record;
    event  json;
begin
    for stored in select global_index, payload_type, payload from domain_event_entry
                  where payload_type in ('io.runledger.domain.org.OrgCreated', 'io.runledger.domain.user.AuthIdentityLinked')
                  order by global_index
    loop
        begin
            event := convert_from(stored.payload, 'UTF8')::json;
            if stored.payload_type = 'io.runledger.domain.org.OrgCreated' then
                insert into access_org_slugs (slug, org_id)
                select event ->> 'slug', (event ->> 'orgId')::uuid where event ->> 'slug' is not null
                on conflict do nothing;
            else
                insert into access_identities (provider, provider_user_id, user_id)
                values (event ->> 'provider', event ->> 'providerUserId', (event ->> 'userId')::uuid)
                on conflict do nothing;
            end if;
        exception when others then
            raise notice 'Event at global index % left out of the unique names: %', stored.global_index, sqlerrm;
        end;
    end loop;
end
$$;
