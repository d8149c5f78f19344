package io.runledger.domain.org;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

public record OrgRenamed(
        UUID orgId, @PersonalData(subject = ORG) String name) implements TenantEvent {}
