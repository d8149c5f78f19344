package io.runledger.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.ReadModelIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import io.runledger.projections.ProjectionAdmin;
import io.runledger.projections.systemlog.SystemLogProjector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A read model whose write fails stops at that batch and tries again; it never skips the event or keeps half a batch. */
@ReadModelIntegrationTest
class ProjectionFailureTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionAdmin projections;

    @Test
    void a_read_model_whose_write_fails_waits_at_that_event_and_catches_up_once_the_write_succeeds() {
        jdbc.execute("""
                create function refuse_one_org() returns trigger language plpgsql as $$
                begin
                    if new.message = 'Org "Refused Ltd" created' then
                        raise exception 'refused for the test';
                    end if;
                    return new;
                end $$
                """);
        jdbc.execute("create trigger refuse_one_org before insert on system_logs for each row execute function refuse_one_org()");
        TenantDay day;
        try {
            day = TenantDay.live(new ApiClient(http), "Refused Ltd");

            // the other read models go on; the system log holds at the org's first event, batch and all
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select status from runs where id = ?::uuid", String.class, day.failedRun())).containsExactly("failed"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(jdbc.queryForObject("select count(*) from system_logs where organization_id = ?::uuid", Long.class,
                        day.orgId())).isZero();
                assertThat(projections.state(SystemLogProjector.PROCESSING_GROUP).lagEvents()).isPositive();
            });
        } finally {
            jdbc.execute("drop trigger refuse_one_org on system_logs");
            jdbc.execute("drop function refuse_one_org()");
        }

        day.projectedIn(jdbc);
    }
}
