package io.runledger.infra.crypto;

import java.util.Set;

import io.runledger.command.caller.Caller;
import io.runledger.command.crypto.SealedValues;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's event serializer (the event store and the dead letters): the message serializer, sealing personal data. */
@Configuration(proxyBeanMethods = false)
class PersonalDataSerializerConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(
            @Qualifier("messageSerializer") Serializer messageSerializer,
            SealedValues sealed,
            @Value("${runledger.erasure.encrypt:true}") boolean encrypt,
            @Value("${runledger.erasure.personal-metadata:" + Caller.ACTOR_EMAIL + "," + Caller.CLIENT_ADDRESS + ","
                            + Caller.USER_AGENT + "}")
                    Set<String> personalMetadata) {
        if (!(messageSerializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException(
                    "Events are stored as Jackson JSON (axon.serializer.messages: jackson), not with "
                            + messageSerializer.getClass().getName());
        }
        return new PersonalDataSerializer(jackson, sealed, encrypt, personalMetadata);
    }
}
