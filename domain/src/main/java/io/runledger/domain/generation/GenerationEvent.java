package io.runledger.domain.generation;

import java.util.UUID;

import io.runledger.domain.shared.ProjectStatus;
import io.runledger.domain.shared.TenantEvent;

/**
 * Every generation event states the resulting generation status and project status, so the
 * {@code generations} and {@code projects} read models follow a generation without loading anything.
 */
public interface GenerationEvent extends TenantEvent {
    UUID projectId();

    UUID generationId();

    GenerationStatus status();

    ProjectStatus projectStatus();
}
