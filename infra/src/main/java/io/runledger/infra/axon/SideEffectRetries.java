package io.runledger.infra.axon;

import io.runledger.projections.deadletter.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The side effects' parked events are tried again by themselves: what parks them (Stripe unreachable, an org's
 * Stripe customer not created yet) passes without an operator, and usage must reach Stripe in the end. The read
 * models' dead letters wait for an operator instead, since their causes (a bug, a constraint) need a fix first.
 */
@Component
record SideEffectRetries(DeadLetters deadLetters) {

    private static final Logger log = LoggerFactory.getLogger(SideEffectRetries.class);

    @Scheduled(
            fixedDelayString = "${runledger.dead-letters.side-effect-retry}",
            initialDelayString = "${runledger.dead-letters.side-effect-retry}")
    void retryParkedSideEffects() {
        for (String processor : ProcessingGroupsConfiguration.SIDE_EFFECTS) {
            if (deadLetters.kept(processor) && deadLetters.count(processor) > 0) {
                DeadLetters.RetryOutcome outcome = deadLetters.retry(processor, null);
                log.info(
                        "Retried {} parked sequence(s) of {}: {} done, {} event(s) still parked",
                        outcome.retried(),
                        processor,
                        outcome.succeeded(),
                        outcome.stillParked());
            }
        }
    }
}
