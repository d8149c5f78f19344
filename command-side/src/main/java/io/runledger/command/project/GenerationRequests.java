package io.runledger.command.project;

import java.util.UUID;

import io.runledger.command.subscription.PlanLimits;
import io.runledger.domain.project.RequestGeneration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Requests a generation: the month's allowance and the request are taken together or not at all. */
@Component
record GenerationRequests(CommandGateway commands, PlanLimits planLimits, TransactionTemplate transactions) {

    void request(UUID orgId, RequestGeneration request) {
        transactions.executeWithoutResult(transaction -> {
            planLimits.takeGenerationOfThisMonth(
                    orgId, planLimits.limitsForNewWork(orgId).generationsPerMonth());
            commands.sendAndWait(request);
        });
    }
}
