package io.runledger.infra.logging;

import io.runledger.command.caller.Caller;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The request and correlation ids of the event being handled, from its metadata, in the logging context of the
 * event processor's thread: a projector's or side effect's log line names the request that caused it.
 */
final class MessageIdsInLogs implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        try (LogContext.Scope ignored =
                LogContext.withIds((String) event.getMetaData().get(Caller.REQUEST_ID), (String)
                        event.getMetaData().get(Caller.CORRELATION_ID))) {
            return chain.proceed();
        }
    }
}
