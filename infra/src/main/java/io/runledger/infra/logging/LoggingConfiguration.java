package io.runledger.infra.logging;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every event processor's handlers log with the ids of the event they handle ({@link MessageIdsInLogs}). */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

    @Bean
    ConfigurerModule idsOfHandledEventsInLogs() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> new MessageIdsInLogs());
    }
}
