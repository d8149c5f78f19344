package io.runledger.domain.generation;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.ProjectStatus;

public record GenerationFailed(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        @PersonalData(subject = ORG) String errorMessage,
        GenerationStatus status,
        ProjectStatus projectStatus)
        implements GenerationEvent {}
