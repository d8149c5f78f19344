package io.runledger.command.project;

import java.util.UUID;

import io.runledger.command.plan.PlanLimits;
import io.runledger.domain.project.RequestGeneration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Requests a generation: the month's allowance and the request are taken together or not at all. */
@Component
class GenerationRequests {

    private final CommandGateway commands;
    private final PlanLimits planLimits;

    GenerationRequests(CommandGateway commands, PlanLimits planLimits) {
        this.commands = commands;
        this.planLimits = planLimits;
    }

    @Transactional
    void request(UUID orgId, RequestGeneration request) {
        planLimits.takeGenerationOfThisMonth(
                orgId, planLimits.limitsForNewWork(orgId).generationsPerMonth());
        commands.sendAndWait(request);
    }
}
