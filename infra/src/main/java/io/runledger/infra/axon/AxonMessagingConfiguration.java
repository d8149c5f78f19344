package io.runledger.infra.axon;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerMetadataInterceptor;
import io.runledger.command.caller.CausationIdProvider;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Audit metadata on every message: commands get their caller at dispatch, and everything a handler
 * produces (events, follow-up commands) inherits actor, its kind and origin, request id and correlation id from the message
 * being handled, plus that message's id as its causation id.
 */
@Configuration(proxyBeanMethods = false)
class AxonMessagingConfiguration {

    @Bean
    CallerMetadataInterceptor callerMetadataInterceptor() {
        return new CallerMetadataInterceptor();
    }

    @Bean
    CorrelationDataProvider callerCorrelationData() {
        return new SimpleCorrelationDataProvider(
                Caller.ACTOR,
                Caller.ACTOR_KIND,
                Caller.ACTOR_EMAIL,
                Caller.API_KEY_ID,
                Caller.CLIENT_ADDRESS,
                Caller.USER_AGENT,
                Caller.REQUEST_ID,
                Caller.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider causationIdProvider() {
        return new CausationIdProvider();
    }
}
