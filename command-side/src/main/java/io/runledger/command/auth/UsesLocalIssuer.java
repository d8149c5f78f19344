package io.runledger.command.auth;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no external issuer is configured, so the development issuer signs tokens. */
public class UsesLocalIssuer implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("runledger.auth.issuer-uri"))
                && !StringUtils.hasText(context.getEnvironment().getProperty("runledger.auth.jwk-set-uri"));
    }
}
