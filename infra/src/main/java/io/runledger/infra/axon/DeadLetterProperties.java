package io.runledger.infra.axon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code runledger.dead-letters.*}: how hard a processor tries an event before it parks it (with the tenant's
 * later events) in its dead-letter queue.
 *
 * @param attempts            tries of a failing event before it is parked (at least 1)
 * @param backoff             the wait after the first failed try; it doubles after each further one
 * @param sideEffectRetry     how often the side-effect processors (Stripe, policies) process their parked events
 *                            again by themselves: their causes (Stripe down, a customer not created yet) pass
 * @param stuckAfter          how long a processor may keep failing a batch it cannot even park before health says DOWN
 */
@ConfigurationProperties("runledger.dead-letters")
record DeadLetterProperties(int attempts, Duration backoff, Duration sideEffectRetry, Duration stuckAfter) {

    DeadLetterProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException("runledger.dead-letters.attempts must be at least 1, not " + attempts);
        }
    }
}
