package io.runledger.domain.shared;

import java.util.Locale;

/**
 * A project's lifecycle, driven by its latest generation; here because both aggregates name it (a project
 * starts generations, a generation moves its project) and neither package may depend on the other both ways.
 */
public enum ProjectStatus {
    DRAFT,
    QUEUED,
    ANALYZING,
    ORCHESTRATING,
    RENDERING,
    COMPLETED,
    FAILED;

    /** The lowercase value stored in {@code projects.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A generation of the project is under way; another one must wait. */
    public boolean isGenerating() {
        return this == QUEUED || this == ANALYZING || this == ORCHESTRATING || this == RENDERING;
    }
}
