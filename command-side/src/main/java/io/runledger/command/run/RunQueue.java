package io.runledger.command.run;

import java.util.UUID;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.domain.run.InputSource;
import io.runledger.domain.run.QueueRun;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Queues a run: its input and its {@code RunQueued} are stored together or not at all. */
@Component
class RunQueue {

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    RunQueue(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    record NewRun(UUID runId, UUID orgId, UUID userId, UUID patternId, InputSource inputSource, String input,
                  String strategy, String idempotencyKey) {
    }

    /** One transaction, which Axon's unit of work joins: the run and its input are stored together or not at all. */
    @Transactional
    void queue(NewRun run) {
        String requestId = CallerContext.current().map(Caller::requestId).orElse(null);
        commands.sendAndWait(new QueueRun(run.runId(), run.orgId(), run.userId(), run.patternId(), run.inputSource(),
                run.inputSource() == InputSource.TEXT ? run.input().length() : null, run.strategy(), requestId,
                run.idempotencyKey()));
        jdbc.sql("insert into run_inputs (run_id, org_id, input_source, content) values (?, ?, ?, ?)")
                .params(run.runId(), run.orgId(), run.inputSource().name(), run.input()).update();
    }
}
