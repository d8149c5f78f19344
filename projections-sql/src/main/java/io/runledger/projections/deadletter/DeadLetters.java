package io.runledger.projections.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.runledger.domain.operations.DeadLettersEvicted;
import io.runledger.domain.shared.TenantEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events a processor has parked: a tenant's event that kept failing waits in its processor's dead-letter
 * queue together with every later event of that tenant (a sequence per tenant, order kept), while the other
 * tenants' events go on. Operators list them, process them again once the cause is fixed, or give up on them.
 */
@Component
public record DeadLetters(
        EventProcessingConfiguration processing, EventGateway events, TransactionTemplate transactions) {

    /** Diagnostics key: how many times the event has been tried, parked or retried. */
    public static final String ATTEMPTS = "attempts";

    /**
     * A tenant's parked events in one processor, described by the first, the one that failed (the others wait
     * behind it).
     *
     * @param sequenceId  what identifies the sequence: the org's id
     * @param position    the failed event's place in the store
     * @param parkedEvents how many events wait in the sequence, the failed one included
     */
    public record ParkedSequence(
            String sequenceId,
            @Nullable UUID orgId,
            String eventId,
            String eventType,
            @Nullable Long position,
            @Nullable String causeType,
            @Nullable String cause,
            long attempts,
            Instant firstFailureAt,
            Instant lastFailureAt,
            long parkedEvents) {}

    /** @param retried sequences processed again; {@code stillParked} events that failed again and wait */
    public record RetryOutcome(int retried, int succeeded, long stillParked) {}

    /** Whether the processor keeps dead letters at all (read models and side effects do). */
    public boolean kept(String processor) {
        return processing.deadLetterQueue(processor).isPresent();
    }

    public long count(String processor) {
        return queue(processor).size();
    }

    public List<ParkedSequence> list(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        return firstLetters(queue).stream()
                .map(first -> {
                    String sequenceId = sequenceOf(processor, first);
                    return describe(sequenceId, first, queue.sequenceSize(sequenceId));
                })
                .toList();
    }

    /** The letter that failed first in each parked sequence; the others wait behind it. */
    private static List<DeadLetter<? extends EventMessage<?>>> firstLetters(
            SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<DeadLetter<? extends EventMessage<?>>> firsts = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            firsts.add(sequence.iterator().next());
        }
        return firsts;
    }

    /**
     * Processes the parked sequences again, oldest event first, each as far as it goes: a sequence whose event
     * fails again stays parked from that event on (its attempts counted), the others are handled and removed.
     *
     * @param orgId only this tenant's sequence, or every sequence when null
     */
    public RetryOutcome retry(String processor, UUID orgId) {
        SequencedDeadLetterProcessor<EventMessage<?>> letters =
                processing.sequencedDeadLetterProcessor(processor).orElseThrow(() -> new NoDeadLetterQueue(processor));
        List<String> sequenceIds = firstLetters(queue(processor)).stream()
                .map(first -> sequenceOf(processor, first))
                .filter(id -> orgId == null || id.equals(orgId.toString()))
                .toList();
        int succeeded = 0;
        for (String sequenceId : sequenceIds) {
            if (letters.process(letter -> sequenceId.equals(sequenceOf(processor, letter)))) {
                succeeded++;
            }
        }
        return new RetryOutcome(sequenceIds.size(), succeeded, count(processor));
    }

    /**
     * Drops a tenant's parked events from the processor for good, and records the decision in the event store
     * ({@link DeadLettersEvicted}, with the operator's audit metadata) in the same transaction.
     *
     * @return how many events were dropped; 0 when the sequence is not parked
     */
    public int evict(String processor, String sequenceId, String reason, Map<String, ?> operator) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        return Objects.requireNonNull(transactions.execute(status -> {
            List<DeadLetter<? extends EventMessage<?>>> sequence = StreamSupport.stream(
                            queue.deadLetterSequence(sequenceId).spliterator(), false)
                    .<DeadLetter<? extends EventMessage<?>>>map(letter -> letter)
                    .toList();
            if (sequence.isEmpty()) {
                return 0;
            }
            UUID orgId = orgOf(sequence.get(0).message());
            events.publish(GenericEventMessage.asEventMessage(new DeadLettersEvicted(
                            orgId,
                            processor,
                            sequence.stream()
                                    .map(letter -> letter.message().getIdentifier())
                                    .toList(),
                            reason))
                    .withMetaData(MetaData.from(operator)));
            sequence.forEach(queue::evict);
            return sequence.size();
        }));
    }

    private ParkedSequence describe(String sequenceId, DeadLetter<? extends EventMessage<?>> letter, long size) {
        EventMessage<?> message = letter.message();
        Long position = message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null)
                : null;
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        return new ParkedSequence(
                sequenceId,
                orgOf(message),
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                position,
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                attempts instanceof Number number ? number.longValue() : 1,
                letter.enqueuedAt(),
                letter.lastTouched(),
                size);
    }

    private String sequenceOf(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        return String.valueOf(processing.sequencingPolicy(processor).getSequenceIdentifierFor(letter.message()));
    }

    private static UUID orgOf(EventMessage<?> message) {
        return message.getPayload() instanceof TenantEvent tenantEvent ? tenantEvent.orgId() : null;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow(() -> new NoDeadLetterQueue(processor));
    }

    /** The name is not a processor that keeps dead letters. */
    public static class NoDeadLetterQueue extends RuntimeException {
        public NoDeadLetterQueue(String processor) {
            super("No processor " + processor + " keeps dead letters");
        }
    }
}
