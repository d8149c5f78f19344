package io.runledger.command.run;

import java.util.UUID;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.command.pattern.PatternCatalog;
import io.runledger.command.subscription.InputTooLong;
import io.runledger.command.subscription.PlanLimits;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.QueueRun;
import io.runledger.domain.subscription.PlanCatalog;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Queues a run: its input and its {@code RunQueued} are stored together or not at all. */
@Component
record RunQueue(CommandGateway commands, JdbcClient jdbc, PlanLimits planLimits, TransactionTemplate transactions) {

    record NewRun(
            UUID orgId,
            UUID runId,
            UUID userId,
            PatternCatalog.ActivePattern pattern,
            InputSource inputSource,
            String input,
            String strategy,
            String idempotencyKey) {}

    /**
     * One transaction, which Axon's unit of work joins: the day's allowance, the run and its input are
     * taken and stored together or not at all.
     */
    void queue(NewRun run) {
        transactions.executeWithoutResult(transaction -> store(run));
    }

    private void store(NewRun run) {
        PlanCatalog.Limits limits = planLimits.limitsForNewWork(run.orgId());
        // only text is counted: for youtube and upload the input is a URL, not the work
        Integer inputChars = run.inputSource() == InputSource.TEXT ? run.input().length() : null;
        if (inputChars != null && inputChars > limits.maxChars()) {
            throw new InputTooLong(limits.maxChars(), inputChars);
        }
        planLimits.takeRunOfToday(run.orgId(), limits.maxRunsPerDay());
        String requestId = CallerContext.current().map(Caller::requestId).orElse(null);
        commands.sendAndWait(new QueueRun(
                run.orgId(),
                run.runId(),
                run.userId(),
                run.pattern().patternId(),
                run.pattern().name(),
                run.inputSource(),
                inputChars,
                run.strategy(),
                requestId,
                run.idempotencyKey()));
        jdbc.sql("insert into run_inputs (run_id, org_id, input_source, content) values (?, ?, ?, ?)")
                .params(run.runId(), run.orgId(), run.inputSource().name(), run.input())
                .update();
    }
}
