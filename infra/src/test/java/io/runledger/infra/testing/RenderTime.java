package io.runledger.infra.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a generation's rendering should bill, worked out from the event store on its own. */
public final class RenderTime {

    private RenderTime() {}

    /** Rendering start to completion as the store timestamped them, in whole seconds rounded up, at least one. */
    public static long billedSeconds(JdbcTemplate jdbc, String generationId) {
        return jdbc.queryForObject("""
                select greatest(1, ceil(extract(epoch from
                       max(time_stamp::timestamptz) filter (where payload_type like '%.GenerationCompleted')
                       - max(time_stamp::timestamptz) filter (where payload_type like '%.RenderingStarted'))))
                from domain_event_entry where aggregate_identifier = ?
                """, Long.class, generationId);
    }
}
