package io.runledger.domain.generation;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.ProjectStatus;

public record VisualPlanRecorded(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        @PersonalData(subject = ORG) Map<String, Object> visualPlan,
        GenerationStatus status,
        ProjectStatus projectStatus)
        implements GenerationEvent {
    public VisualPlanRecorded {
        visualPlan = Collections.unmodifiableMap(new LinkedHashMap<>(visualPlan));
    }
}
