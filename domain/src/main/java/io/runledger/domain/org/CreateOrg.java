package io.runledger.domain.org;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an org; its creator becomes the first owner and its subscription starts a trial. The slug is taken
 * without surrounding spaces and in lower case, so {@code " Acme"} and {@code "acme"} are one slug.
 */
public record CreateOrg(
        @TargetAggregateIdentifier UUID orgId, String name, String slug, UUID creatorUserId, Instant requestedAt) {
    public CreateOrg {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(creatorUserId, "creatorUserId");
        slug = slug == null ? null : slug.strip().toLowerCase(Locale.ROOT);
    }
}
