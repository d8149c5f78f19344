package io.runledger.infra.testing;

import java.math.BigDecimal;

import io.runledger.domain.project.ProjectDetails;

/** The project the tests make: a launch video of a known length, the rest left to the defaults. */
public final class SampleProjects {

    /** As someone creates it: its prompt and audio path are the org's personal data, its duration a plain number. */
    public static final ProjectDetails LAUNCH_VIDEO = new ProjectDetails(
            "Launch video",
            null,
            "neon city at night",
            "audio/launch.mp3",
            new BigDecimal("184.5"),
            null,
            null,
            null,
            null);

    private SampleProjects() {}
}
