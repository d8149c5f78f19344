package io.runledger.command.access;

import io.runledger.domain.shared.DomainRuleViolation;
import io.runledger.domain.user.AuthProvider;

/**
 * One sign-in identity (a provider's account) belongs to one person. Two people can claim one only through
 * two issuers naming the same subject, say after the identity provider was changed.
 */
public class IdentityAlreadyLinked extends DomainRuleViolation {
    public IdentityAlreadyLinked(AuthProvider provider, String providerUserId) {
        super("The %s account '%s' already belongs to another user".formatted(provider.code(), providerUserId));
    }
}
