package io.runledger.command.caller;

import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

/**
 * Stamps each dispatched command with its caller. Keys the sender already set win, so a command sent
 * while handling another message keeps the conversation it belongs to; with no bound caller the command
 * is attributed to {@code system}.
 */
public class CallerMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Caller caller = CallerContext.current().orElseGet(Caller::system);
            MetaData callerData = MetaData.from(caller.metadata());
            return command.withMetaData(callerData.mergedWith(command.getMetaData()));
        };
    }
}
