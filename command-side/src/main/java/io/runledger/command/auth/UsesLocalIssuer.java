package io.runledger.command.auth;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external issuer is configured ({@link AuthProperties#localIssuer()}), so the development issuer signs tokens. */
public class UsesLocalIssuer implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("runledger.auth", AuthProperties.class)
                .map(AuthProperties::localIssuer)
                .orElse(true);
    }
}
