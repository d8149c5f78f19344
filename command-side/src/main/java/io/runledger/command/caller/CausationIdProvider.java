package io.runledger.command.caller;

import java.util.Map;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/** Records, on every message produced while handling another, the id of the message that caused it. */
public class CausationIdProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return Map.of(Caller.CAUSATION_ID, message.getIdentifier());
    }
}
