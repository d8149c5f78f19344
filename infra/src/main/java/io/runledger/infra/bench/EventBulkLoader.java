package io.runledger.infra.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.runledger.domain.generation.AudioAnalysisRecorded;
import io.runledger.domain.generation.AudioAnalysisStarted;
import io.runledger.domain.generation.GenerationCompleted;
import io.runledger.domain.generation.GenerationRequested;
import io.runledger.domain.generation.GenerationStatus;
import io.runledger.domain.generation.RenderingStarted;
import io.runledger.domain.generation.VisualPlanRecorded;
import io.runledger.domain.org.MemberAdded;
import io.runledger.domain.org.OrgCreated;
import io.runledger.domain.org.Role;
import io.runledger.domain.project.ProjectCreated;
import io.runledger.domain.project.ProjectDetails;
import io.runledger.domain.project.ProjectGenerationFinished;
import io.runledger.domain.project.ProjectGenerationQueued;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.OutputProduced;
import io.runledger.domain.run.RunFailed;
import io.runledger.domain.run.RunQueued;
import io.runledger.domain.run.RunStarted;
import io.runledger.domain.run.RunStatus;
import io.runledger.domain.run.RunSucceeded;
import io.runledger.domain.run.UsageMeter;
import io.runledger.domain.run.UsageRecorded;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.subscription.Plan;
import io.runledger.domain.subscription.SubscriptionIds;
import io.runledger.domain.subscription.SubscriptionStarted;
import io.runledger.domain.subscription.SubscriptionStatus;
import io.runledger.domain.user.UserRegistered;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Writes a realistic event store fast, not through commands: for each org its creation, owner,
 * subscription, a project taken through one generation, and runs, a quarter succeeding (with output and
 * token usage) and the rest failing, every event as the aggregates would have stored it (same JSON, types,
 * sequence numbers, metadata), spread over the last 30 days.
 */
record EventBulkLoader(DataSource dataSource, Serializer serializer, List<BenchPattern> patterns) {

    /** A pattern of the catalog that the loaded runs name. */
    record BenchPattern(UUID patternId, String name) {}

    private static final String INSERT = """
            insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                            payload_type, payload_revision, time_stamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final int BATCH = 1_000;
    private static final int FIXED_EVENTS_PER_ORG = 13;
    /** A quarter of the runs succeed (7 events), the rest fail (4): 4.75 events a run. */
    private static final double EVENTS_PER_RUN = 4.75;

    /** @return the number of events written */
    long load(int orgs, long targetEvents) throws SQLException {
        int runsPerOrg = (int) Math.max(1, (targetEvents / orgs - FIXED_EVENTS_PER_ORG) / EVENTS_PER_RUN);
        Instant start = Instant.now().minus(Duration.ofDays(30));
        long totalEstimate = (long) orgs * (FIXED_EVENTS_PER_ORG + (long) (runsPerOrg * EVENTS_PER_RUN));
        long spacingMicros = Math.max(1, Duration.ofDays(30).toNanos() / 1000 / Math.max(1, totalEstimate));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            Writer writer = new Writer(insert, start, spacingMicros);
            for (int o = 0; o < orgs; o++) {
                writeOrg(writer, o, runsPerOrg);
                if (o % 10 == 9) {
                    writer.flush();
                    connection.commit();
                }
            }
            writer.flush();
            connection.commit();
            return writer.written;
        }
    }

    private void writeOrg(Writer writer, int index, int runs) throws SQLException {
        UUID org = UUID.nameUUIDFromBytes(("bench-org-" + index).getBytes());
        UUID owner = UUID.nameUUIDFromBytes(("bench-user-" + index).getBytes());
        writer.write(
                "User",
                owner,
                0,
                new UserRegistered(Platform.ORG_ID, owner, "owner" + index + "@bench.test", "Owner " + index));
        writer.write("Org", org, 0, new OrgCreated(org, "Bench org " + index, "bench-" + index, owner));
        writer.write("Org", org, 1, new MemberAdded(org, owner, Role.OWNER));
        writer.write(
                "Subscription",
                SubscriptionIds.forOrg(org),
                0,
                new SubscriptionStarted(
                        org,
                        SubscriptionIds.forOrg(org),
                        Plan.FREE,
                        SubscriptionStatus.TRIALING,
                        writer.now().plus(Duration.ofDays(14))));
        UUID project = UUID.randomUUID();
        UUID generation = UUID.randomUUID();
        writer.write(
                "Project",
                project,
                0,
                new ProjectCreated(
                        org,
                        project,
                        owner,
                        new ProjectDetails(
                                "Launch",
                                null,
                                "neon city",
                                "audio/launch.mp3",
                                new BigDecimal("184.5"),
                                "1080p",
                                "organic",
                                new BigDecimal("0.6"),
                                new BigDecimal("0.5")),
                        ProjectStatus.DRAFT));
        writer.write(
                "Project",
                project,
                1,
                new ProjectGenerationQueued(org, project, generation, 1, "seed-1", ProjectStatus.QUEUED));
        writer.write(
                "Generation",
                generation,
                0,
                new GenerationRequested(
                        org, project, generation, owner, "seed-1", 1, GenerationStatus.PENDING, ProjectStatus.QUEUED));
        writer.write(
                "Generation",
                generation,
                1,
                new AudioAnalysisStarted(
                        org, project, generation, "render-1", 1, GenerationStatus.PROCESSING, ProjectStatus.ANALYZING));
        writer.write(
                "Generation",
                generation,
                2,
                new AudioAnalysisRecorded(
                        org,
                        project,
                        generation,
                        Map.of("bpm", 128),
                        GenerationStatus.PROCESSING,
                        ProjectStatus.ORCHESTRATING));
        writer.write(
                "Generation",
                generation,
                3,
                new VisualPlanRecorded(
                        org,
                        project,
                        generation,
                        Map.of("scenes", 12),
                        GenerationStatus.PROCESSING,
                        ProjectStatus.ORCHESTRATING));
        writer.write(
                "Generation",
                generation,
                4,
                new RenderingStarted(org, project, generation, GenerationStatus.PROCESSING, ProjectStatus.RENDERING));
        writer.write(
                "Generation",
                generation,
                5,
                new GenerationCompleted(
                        org,
                        project,
                        generation,
                        "https://cdn.bench/" + generation + ".mp4",
                        null,
                        new BigDecimal("184.5"),
                        48_000_000L,
                        95,
                        GenerationStatus.COMPLETED,
                        ProjectStatus.COMPLETED));
        writer.write(
                "Project",
                project,
                2,
                new ProjectGenerationFinished(org, project, generation, ProjectStatus.COMPLETED));
        for (int r = 0; r < runs; r++) {
            writeRun(writer, org, owner, r);
        }
    }

    private void writeRun(Writer writer, UUID org, UUID owner, int index) throws SQLException {
        UUID run = UUID.randomUUID();
        BenchPattern pattern = patterns.get(index % patterns.size());
        writer.write(
                "Run",
                run,
                0,
                new RunQueued(
                        org,
                        run,
                        owner,
                        pattern.patternId(),
                        pattern.name(),
                        InputSource.TEXT,
                        1200,
                        "map-reduce",
                        "req-" + run,
                        "key-" + run));
        writer.write("Run", run, 1, UsageRecorded.ofRun(org, run, owner, UsageMeter.RUN_CREATED, BigDecimal.ONE, null));
        writer.write("Run", run, 2, new RunStarted(org, run, "llm-" + index % 8, 1));
        if (index % 4 == 0) {
            writer.write(
                    "Run",
                    run,
                    3,
                    new OutputProduced(
                            org,
                            run,
                            UUID.randomUUID(),
                            "A summary of the input, " + "word ".repeat(40),
                            null,
                            "Summary",
                            List.of("bench", "summary"),
                            Map.of("model", "m-1")));
            writer.write(
                    "Run",
                    run,
                    4,
                    UsageRecorded.ofRun(
                            org,
                            run,
                            owner,
                            UsageMeter.TOKENS_USED,
                            BigDecimal.valueOf(1200 + index),
                            UUID.randomUUID()));
            writer.write("Run", run, 5, new RunSucceeded(org, run, 1));
            writer.write(
                    "Run",
                    run,
                    6,
                    UsageRecorded.ofRun(org, run, owner, UsageMeter.RUN_COMPLETED, BigDecimal.ONE, null));
        } else {
            writer.write("Run", run, 3, new RunFailed(org, run, "model overloaded", RunStatus.PROCESSING));
        }
    }

    /** Batches rows, each a moment after the last, with the metadata commands would have stamped. */
    private final class Writer {
        private final PreparedStatement insert;
        private final Instant start;
        private final long spacingMicros;
        private final byte[] metadata;
        private long written;
        private int pending;

        Writer(PreparedStatement insert, Instant start, long spacingMicros) {
            this.insert = insert;
            this.start = start;
            this.spacingMicros = spacingMicros;
            this.metadata = serializer
                    .serialize(
                            MetaData.with("actor", "bench")
                                    .and("requestId", "bench")
                                    .and("correlationId", "bench"),
                            byte[].class)
                    .getData();
        }

        Instant now() {
            return start.plusNanos(written * spacingMicros * 1000);
        }

        void write(String type, UUID aggregate, long sequence, Object event) throws SQLException {
            SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
            insert.setString(1, aggregate.toString());
            insert.setLong(2, sequence);
            insert.setString(3, type);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, metadata);
            insert.setBytes(6, payload.getData());
            insert.setString(7, payload.getType().getName());
            insert.setString(8, payload.getType().getRevision());
            insert.setString(9, now().toString());
            insert.addBatch();
            written++;
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }
}
