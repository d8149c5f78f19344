package io.runledger.infra.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** A system log that refuses the creation row of orgs of one name, as the projection of a poison event would fail. */
public final class PoisonedOrgs {

    private PoisonedOrgs() {}

    /** Until {@link #acceptAgain}, writing the system log's row "Org "{@code name}" created" fails. */
    public static void refuseLogRowsOf(JdbcTemplate jdbc, String name) {
        jdbc.execute("""
                create or replace function refuse_poisoned_org() returns trigger language plpgsql as $$
                begin
                    if new.message = 'Org "%s" created' then
                        raise exception 'refused for the test';
                    end if;
                    return new;
                end $$
                """.formatted(name));
        jdbc.execute("create trigger refuse_poisoned_org before insert on system_logs for each row "
                + "execute function refuse_poisoned_org()");
    }

    /** The system log writes every row again; nothing to undo when nothing was refused. */
    public static void acceptAgain(JdbcTemplate jdbc) {
        jdbc.execute("drop trigger if exists refuse_poisoned_org on system_logs");
        jdbc.execute("drop function if exists refuse_poisoned_org()");
    }
}
