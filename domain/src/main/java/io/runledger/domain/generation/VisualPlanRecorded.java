package io.runledger.domain.generation;

import io.runledger.domain.shared.ProjectStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

public record VisualPlanRecorded(
        UUID orgId,
        UUID projectId,
        UUID generationId,
        Map<String, Object> visualPlan,
        GenerationStatus status,
        ProjectStatus projectStatus) implements GenerationEvent {
    public VisualPlanRecorded {
        visualPlan = Collections.unmodifiableMap(new LinkedHashMap<>(visualPlan));
    }
}
