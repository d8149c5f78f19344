package io.runledger.domain.subscription;

import static io.runledger.domain.subscription.SubscriptionStatus.ACTIVE;
import static io.runledger.domain.subscription.SubscriptionStatus.CANCELED;
import static io.runledger.domain.subscription.SubscriptionStatus.PAST_DUE;
import static io.runledger.domain.subscription.SubscriptionStatus.PAUSED;
import static io.runledger.domain.subscription.SubscriptionStatus.TRIALING;
import static io.runledger.domain.subscription.SubscriptionStatus.UNPAID;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.runledger.domain.shared.IllegalTransition;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An org's plan and payment state, following Stripe's subscription lifecycle. The trial's end is a deadline of
 * this aggregate: it pauses a subscription still trialing then, and ends nothing once the trial ended otherwise.
 * It is never canceled: a cancel racing the deadline's own run fails the paying command (db-scheduler refuses to
 * touch an executing task), and finding the deadline reads every pending one.
 */
public class Subscription {

    public static final Duration TRIAL_LENGTH = Duration.ofDays(14);
    /** The deadline that ends the free trial. */
    public static final String TRIAL_END = "trial-end";

    @AggregateIdentifier
    private UUID subscriptionId;

    private UUID orgId;
    private Plan plan;
    private SubscriptionStatus status;
    private Instant trialEndsAt;
    private Instant currentPeriodEnd;
    private String stripeCustomerId;
    private String stripeSubscriptionId;

    protected Subscription() {}

    /** Created by the org it belongs to, in the same unit of work as the org itself; schedules the trial's end. */
    public Subscription(StartSubscription command, DeadlineManager deadlines) {
        Instant trialEnd = command.requestedAt().plus(TRIAL_LENGTH);
        apply(new SubscriptionStarted(command.orgId(), command.subscriptionId(), Plan.FREE, TRIALING, trialEnd));
        deadlines.schedule(trialEnd, TRIAL_END);
    }

    @CommandHandler
    void handle(ScheduleTrialEnd command, DeadlineManager deadlines) {
        if (status == TRIALING) {
            deadlines.schedule(trialEndsAt, TRIAL_END);
        }
    }

    /** A trial nobody paid for is paused; a deadline that outlived its trial (paid, canceled) finds nothing to end. */
    @DeadlineHandler(deadlineName = TRIAL_END)
    void trialEnds() {
        if (status == TRIALING) {
            apply(new TrialEnded(orgId, plan, PAUSED, trialEndsAt));
        }
    }

    @CommandHandler
    void handle(ActivateSubscription command) {
        if (status == ACTIVE
                && plan == command.plan()
                && Objects.equals(currentPeriodEnd, command.currentPeriodEnd())) {
            return;
        }
        apply(new SubscriptionActivated(orgId, command.plan(), ACTIVE, command.currentPeriodEnd()));
    }

    @CommandHandler
    void handle(ChangePlan command) {
        requireStatusIn(EnumSet.complementOf(EnumSet.of(CANCELED)), "change its plan");
        if (plan != command.plan()) {
            apply(new SubscriptionPlanChanged(orgId, plan, command.plan(), status));
        }
    }

    @CommandHandler
    void handle(MarkSubscriptionPastDue command) {
        if (status != PAST_DUE) {
            requireStatusIn(EnumSet.of(TRIALING, ACTIVE), "mark it past due");
            apply(new SubscriptionMarkedPastDue(orgId, plan, PAST_DUE));
        }
    }

    @CommandHandler
    void handle(MarkSubscriptionUnpaid command) {
        if (status != UNPAID) {
            requireStatusIn(EnumSet.of(ACTIVE, PAST_DUE), "mark it unpaid");
            apply(new SubscriptionMarkedUnpaid(orgId, plan, UNPAID));
        }
    }

    @CommandHandler
    void handle(CancelSubscription command) {
        if (status != CANCELED) {
            apply(new SubscriptionCanceled(orgId, plan, CANCELED));
        }
    }

    @CommandHandler
    void handle(LinkStripeCustomer command) {
        if (stripeCustomerId != null && !stripeCustomerId.equals(command.stripeCustomerId())) {
            throw new StripeCustomerAlreadyLinked(orgId, stripeCustomerId, command.stripeCustomerId());
        }
        if (stripeCustomerId == null) {
            apply(new StripeCustomerLinked(orgId, command.stripeCustomerId()));
        }
    }

    @CommandHandler
    void handle(LinkStripeSubscription command) {
        if (!command.stripeSubscriptionId().equals(stripeSubscriptionId)) {
            apply(new StripeSubscriptionLinked(orgId, command.stripeSubscriptionId(), stripeSubscriptionId));
        }
    }

    private void requireStatusIn(Set<SubscriptionStatus> allowed, String attempted) {
        if (!allowed.contains(status)) {
            throw new IllegalTransition("Subscription of org", orgId, status, attempted);
        }
    }

    @EventSourcingHandler
    void on(SubscriptionStarted event) {
        subscriptionId = event.subscriptionId();
        orgId = event.orgId();
        plan = event.plan();
        status = event.status();
        trialEndsAt = event.trialEndsAt();
    }

    @EventSourcingHandler
    void on(SubscriptionActivated event) {
        plan = event.plan();
        status = event.status();
        currentPeriodEnd = event.currentPeriodEnd();
    }

    /** Plan changes, past due, unpaid, canceled and a trial's end: each event states the plan and status that follow it. */
    @EventSourcingHandler
    void on(SubscriptionStateChanged event) {
        plan = event.plan();
        status = event.status();
    }

    @EventSourcingHandler
    void on(StripeCustomerLinked event) {
        stripeCustomerId = event.stripeCustomerId();
    }

    @EventSourcingHandler
    void on(StripeSubscriptionLinked event) {
        stripeSubscriptionId = event.stripeSubscriptionId();
    }
}
