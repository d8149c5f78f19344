package io.runledger.domain.project;

import java.util.Locale;

/** A project's lifecycle, driven by its latest generation. */
public enum ProjectStatus {
    DRAFT, QUEUED, ANALYZING, ORCHESTRATING, RENDERING, COMPLETED, FAILED;

    /** The lowercase value stored in {@code projects.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A generation of the project is under way; another one must wait. */
    public boolean isGenerating() {
        return this == QUEUED || this == ANALYZING || this == ORCHESTRATING || this == RENDERING;
    }
}
