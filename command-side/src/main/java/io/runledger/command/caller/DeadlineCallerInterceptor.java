package io.runledger.command.caller;

import java.util.Map;
import java.util.Set;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A deadline that fires is Runledger acting by itself: what it causes names the actor {@code system} and the
 * firing as its request, within the conversation that scheduled it (for a trial's end, the org's creation), not
 * the person whose request set the deadline days before (nor where that person's request came from).
 */
public class DeadlineCallerInterceptor implements MessageHandlerInterceptor<DeadlineMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.transformMessage(
                deadline -> deadline.withMetaData(deadline.getMetaData().withoutKeys(Set.copyOf(Caller.ORIGIN_KEYS)))
                        .andMetaData(Map.of(
                                Caller.ACTOR,
                                Caller.SYSTEM,
                                Caller.ACTOR_KIND,
                                Caller.kindOf(Caller.SYSTEM),
                                Caller.REQUEST_ID,
                                deadline.getIdentifier())));
        return interceptorChain.proceed();
    }
}
