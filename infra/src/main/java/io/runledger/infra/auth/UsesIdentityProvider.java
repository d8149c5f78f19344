package io.runledger.infra.auth;

import io.runledger.command.auth.UsesLocalIssuer;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when an external identity provider signs the tokens: the opposite of {@link UsesLocalIssuer}. */
class UsesIdentityProvider extends UsesLocalIssuer {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}
