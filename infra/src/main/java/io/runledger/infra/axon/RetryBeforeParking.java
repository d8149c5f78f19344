package io.runledger.infra.axon;

import java.util.Set;

import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * The event handlers of processors that park failing events try each event {@code attempts} times, waiting
 * {@code backoff} and then twice as long after each failure, before the failure reaches Axon's dead-letter
 * queue. A read model's failed try is taken back whole ({@link ReadModels#attempt()}), so a retry never applies
 * half an event twice.
 */
record RetryBeforeParking(
        Set<String> readModels, Set<String> sideEffects, ReadModels models, DeadLetterProperties settings)
        implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        String group = ProcessingGroupsConfiguration.groupOf(original.declaringClass())
                .filter(parking -> readModels.contains(parking) || sideEffects.contains(parking))
                .orElse(null);
        if (group == null) {
            return original;
        }
        boolean readModel = readModels.contains(group);
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                long wait = settings.backoff().toMillis();
                for (int attempt = 1; ; attempt++) {
                    ReadModels.Attempt tried = readModel ? models.attempt() : ReadModels.Attempt.NONE;
                    try {
                        Object result = super.handle(message, target);
                        tried.keep().run();
                        return result;
                    } catch (Exception failure) {
                        tried.undo().run();
                        if (attempt >= settings.attempts()) {
                            throw failure;
                        }
                        Thread.sleep(wait);
                        wait *= 2;
                    }
                }
            }
        };
    }
}
