package io.runledger.domain.generation;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.ProjectStatus;

public record AudioAnalysisRecorded(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        @PersonalData(subject = ORG) Map<String, Object> audioAnalysis,
        GenerationStatus status,
        ProjectStatus projectStatus)
        implements GenerationEvent {
    public AudioAnalysisRecorded {
        audioAnalysis = Collections.unmodifiableMap(new LinkedHashMap<>(audioAnalysis));
    }
}
