package io.runledger.infra.logging;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Every event processor's handlers log with the ids of the event they handle ({@link MessageIdsInLogs}). */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

    @Autowired
    void idsOfHandledEvents(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> new MessageIdsInLogs());
    }
}
