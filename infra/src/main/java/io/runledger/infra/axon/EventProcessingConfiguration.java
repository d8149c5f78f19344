package io.runledger.infra.axon;

import io.runledger.command.access.AccessProjector;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processor settings that code, not configuration, must decide. */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /**
     * The access tables guard every command, so a failure writing them (say, an email already taken)
     * must fail the command that caused it rather than be logged and skipped.
     */
    @Bean
    ConfigurerModule accessFailuresFailTheCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AccessProjector.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
