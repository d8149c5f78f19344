package io.runledger.domain.generation;

import io.runledger.domain.shared.ProjectStatus;

/**
 * Where a generation is in its pipeline. Finer than {@link GenerationStatus}; each stage fixes the
 * generation's public status and the status its project shows meanwhile.
 */
enum Stage {
    REQUESTED(GenerationStatus.PENDING, ProjectStatus.QUEUED),
    ANALYZING(GenerationStatus.PROCESSING, ProjectStatus.ANALYZING),
    ORCHESTRATING(GenerationStatus.PROCESSING, ProjectStatus.ORCHESTRATING),
    RENDERING(GenerationStatus.PROCESSING, ProjectStatus.RENDERING),
    COMPLETED(GenerationStatus.COMPLETED, ProjectStatus.COMPLETED),
    FAILED(GenerationStatus.FAILED, ProjectStatus.FAILED);

    final GenerationStatus status;
    final ProjectStatus projectStatus;

    Stage(GenerationStatus status, ProjectStatus projectStatus) {
        this.status = status;
        this.projectStatus = projectStatus;
    }
}
