package io.runledger.infra.axon;

import java.util.Set;

import io.runledger.projections.ReadModelProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * The read models share one processor, so resetting it replays the store to all of them; the reset names the
 * read models to rebuild ({@link ReadModelProcessors#rebuilds}). The others neither empty their tables nor handle
 * the replayed events (they hold them already), and handle again from the first event after the reset.
 */
final class ReplayOnlyRebuilt implements HandlerEnhancerDefinition {

    private final Set<String> readModels;

    ReplayOnlyRebuilt(Set<String> readModels) {
        this.readModels = readModels;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !readModels.contains(group.value())) {
            return original;
        }
        String readModel = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return rebuilt(message, readModel) ? super.handle(message, target) : null;
            }
        };
    }

    private static boolean rebuilt(Message<?> message, String readModel) {
        if (message instanceof ResetContext<?> reset) {
            return ReadModelProcessors.rebuilds(reset.getPayload(), readModel);
        }
        if (message instanceof TrackedEventMessage<?> event && ReplayToken.isReplay(event)) {
            return ReadModelProcessors.rebuilds(ReplayToken.replayContext(event.trackingToken(), String.class).orElse(null),
                    readModel);
        }
        return true;
    }
}
