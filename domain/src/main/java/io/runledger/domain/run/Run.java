package io.runledger.domain.run;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A pattern run: queued, worked on by one leased worker at a time, and finished exactly once. */
public class Run {
    @AggregateIdentifier
    private UUID runId;

    private UUID orgId;
    private UUID userId;
    private RunStatus status;
    private String workerId;
    private int attempt;
    private final Set<UUID> outputIds = new HashSet<>();
    /** Tokens of each worker report by its usage id, to recognise a retry. */
    private final Map<UUID, BigDecimal> reportedTokens = new HashMap<>();

    protected Run() {}

    @CommandHandler
    public Run(QueueRun cmd) {
        if (cmd.inputSource() == null) {
            throw new InvalidCommand("inputSource is required");
        }
        if (cmd.inputChars() != null && cmd.inputChars() < 0) {
            throw new InvalidCommand("inputChars must not be negative");
        }
        apply(new RunQueued(
                cmd.orgId(),
                cmd.runId(),
                cmd.userId(),
                cmd.patternId(),
                cmd.patternName(),
                cmd.inputSource(),
                cmd.inputChars(),
                cmd.strategy(),
                cmd.requestId(),
                cmd.idempotencyKey()));
        // state is not yet sourced inside a constructor, so the usage is built from the command
        apply(UsageRecorded.ofRun(
                cmd.orgId(), cmd.runId(), cmd.userId(), UsageMeter.RUN_CREATED, BigDecimal.ONE, null));
    }

    @CommandHandler
    public void handle(StartRun cmd) {
        if (isBlank(cmd.workerId())) {
            throw new InvalidCommand("workerId is required");
        }
        if (status == RunStatus.PROCESSING && cmd.workerId().equals(workerId)) {
            return; // the worker retried its start
        }
        require(RunStatus.QUEUED, "start it");
        apply(new RunStarted(orgId, runId, cmd.workerId(), attempt + 1));
    }

    @CommandHandler
    public void handle(ProduceOutput cmd) {
        if (isBlank(cmd.content()) == isBlank(cmd.contentUrl())) {
            throw new InvalidCommand("Exactly one of content and contentUrl must be given");
        }
        if (outputIds.contains(cmd.outputId())) {
            return; // the worker retried its delivery
        }
        require(RunStatus.PROCESSING, "add an output to it");
        apply(new OutputProduced(
                orgId,
                runId,
                cmd.outputId(),
                cmd.content(),
                cmd.contentUrl(),
                cmd.summary(),
                cmd.keywords(),
                cmd.metadata()));
    }

    @CommandHandler
    public void handle(RecordTokenUsage cmd) {
        if (cmd.tokens() <= 0 || cmd.tokens() > RecordTokenUsage.MAX_TOKENS) {
            throw new InvalidCommand(
                    "tokens must be a whole number from 1 to " + RecordTokenUsage.MAX_TOKENS + " per report");
        }
        BigDecimal tokens = BigDecimal.valueOf(cmd.tokens());
        BigDecimal reported = cmd.usageId() == null ? null : reportedTokens.get(cmd.usageId());
        if (reported != null) {
            if (reported.compareTo(tokens) == 0) {
                return; // the worker retried its report
            }
            throw new UsageIdReused(runId, cmd.usageId());
        }
        require(RunStatus.PROCESSING, "record token usage for it");
        apply(UsageRecorded.ofRun(orgId, runId, userId, UsageMeter.TOKENS_USED, tokens, cmd.usageId()));
    }

    @CommandHandler
    public void handle(SucceedRun cmd) {
        if (status == RunStatus.SUCCEEDED) {
            return;
        }
        require(RunStatus.PROCESSING, "succeed it");
        if (outputIds.isEmpty()) {
            throw new RunHasNoOutput(runId);
        }
        apply(new RunSucceeded(orgId, runId, outputIds.size()));
        apply(UsageRecorded.ofRun(orgId, runId, userId, UsageMeter.RUN_COMPLETED, BigDecimal.ONE, null));
    }

    @CommandHandler
    public void handle(FailRun cmd) {
        if (isBlank(cmd.error())) {
            throw new InvalidCommand("error is required");
        }
        if (status == RunStatus.FAILED) {
            return;
        }
        if (status == RunStatus.SUCCEEDED) {
            throw new IllegalTransition("Run", runId, status, "fail it");
        }
        apply(new RunFailed(orgId, runId, cmd.error(), status));
    }

    @CommandHandler
    public void handle(RequeueRun cmd) {
        if (isBlank(cmd.reason())) {
            throw new InvalidCommand("reason is required");
        }
        require(RunStatus.PROCESSING, "requeue it");
        apply(new RunRequeued(orgId, runId, cmd.reason(), attempt));
    }

    private void require(RunStatus expected, String attempted) {
        if (status != expected) {
            throw new IllegalTransition("Run", runId, status, attempted);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(RunQueued event) {
        runId = event.runId();
        orgId = event.orgId();
        userId = event.userId();
        status = RunStatus.QUEUED;
    }

    @EventSourcingHandler
    void on(RunStarted event) {
        status = RunStatus.PROCESSING;
        workerId = event.workerId();
        attempt = event.attempt();
    }

    @EventSourcingHandler
    void on(OutputProduced event) {
        outputIds.add(event.outputId());
    }

    @EventSourcingHandler
    void on(UsageRecorded event) {
        if (event.usageId() != null) {
            reportedTokens.put(event.usageId(), event.quantity());
        }
    }

    @EventSourcingHandler
    void on(RunSucceeded event) {
        status = RunStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(RunFailed event) {
        status = RunStatus.FAILED;
    }

    @EventSourcingHandler
    void on(RunRequeued event) {
        status = RunStatus.QUEUED;
        workerId = null;
    }
}
