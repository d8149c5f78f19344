package io.runledger.command.billing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.access.OrgNotFound;
import io.runledger.command.subscription.SubscriptionProjector;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.subscription.ActivateSubscription;
import io.runledger.domain.subscription.Plan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /v1/admin/orgs/{orgId}/plan}: without Stripe, platform admins put an org on a plan (active for a
 * month from now); with Stripe, plans follow Stripe's webhooks only.
 */
@RestController
record PlanOperations(
        OrgAccess access,
        StripeSettings stripe,
        CommandGateway commands,
        SubscriptionProjector subscriptions,
        Clock clock) {

    record PlanChoice(
            @Schema(requiredMode = REQUIRED, example = "pro")
            Plan plan) {}

    @Operation(operationId = "setOrgPlan")
    @PutMapping("/v1/admin/orgs/{orgId}/plan")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void putOnPlan(@PathVariable UUID orgId, @RequestBody PlanChoice choice) {
        access.requirePlatformAdmin();
        if (stripe.enabled()) {
            throw new StripeManagesPlans();
        }
        if (choice.plan() == null) {
            throw new InvalidCommand("plan is required: free, pro or team");
        }
        if (!subscriptions.hasOrg(orgId)) {
            throw new OrgNotFound(orgId);
        }
        commands.sendAndWait(new ActivateSubscription(
                orgId,
                choice.plan(),
                clock.instant().atOffset(ZoneOffset.UTC).plusMonths(1).toInstant()));
    }
}
