package io.runledger.infra.axon;

import java.util.Set;

import io.runledger.projections.RebuiltThrough;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A read model's live handlers pass over the events its swapped-in rebuild has already written into its new tables
 * ({@link RebuiltThrough}): the live processor stood a little behind the rebuild at the swap. The rebuild's own
 * processor is built without this ({@link ShadowRebuildProcessors}).
 */
final class SkipRebuiltEvents implements HandlerEnhancerDefinition {

    private final Set<String> readModels;
    /** looked up on first use: the handlers are enhanced while Axon is configured, before the database is read */
    private final ObjectProvider<RebuiltThrough> rebuiltThrough;

    SkipRebuiltEvents(Set<String> readModels, ObjectProvider<RebuiltThrough> rebuiltThrough) {
        this.readModels = readModels;
        this.rebuiltThrough = rebuiltThrough;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        String readModel = ProcessingGroupsConfiguration.groupOf(original.declaringClass())
                .filter(readModels::contains)
                .orElse(null);
        if (readModel == null) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                boolean rebuilt = message instanceof TrackedEventMessage<?> event
                        && rebuiltThrough.getObject().handled(readModel, event);
                return rebuilt ? null : super.handle(message, target);
            }
        };
    }
}
