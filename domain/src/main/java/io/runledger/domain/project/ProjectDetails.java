package io.runledger.domain.project;

import io.runledger.domain.shared.InvalidCommand;
import java.math.BigDecimal;

/** The editable values of a project, kept together so creation and edits share defaults and checks. */
record ProjectDetails(
        String name,
        String description,
        String prompt,
        String audioPath,
        BigDecimal audioDuration,
        String resolution,
        String stylePreference,
        BigDecimal footageVisibility,
        BigDecimal effectIntensity) implements ProjectValues {

    // the column defaults of the seed's projects table
    private static final String DEFAULT_RESOLUTION = "1080p";
    private static final String DEFAULT_STYLE = "organic";
    private static final BigDecimal DEFAULT_FOOTAGE_VISIBILITY = new BigDecimal("0.6");
    private static final BigDecimal DEFAULT_EFFECT_INTENSITY = new BigDecimal("0.5");

    static ProjectDetails copyOf(ProjectValues v) {
        return new ProjectDetails(v.name(), v.description(), v.prompt(), v.audioPath(), v.audioDuration(),
                v.resolution(), v.stylePreference(), v.footageVisibility(), v.effectIntensity());
    }

    static ProjectDetails of(CreateProject cmd) {
        return new ProjectDetails(cmd.name(), cmd.description(), cmd.prompt(), cmd.audioPath(), cmd.audioDuration(),
                orElse(cmd.resolution(), DEFAULT_RESOLUTION),
                orElse(cmd.stylePreference(), DEFAULT_STYLE),
                orElse(cmd.footageVisibility(), DEFAULT_FOOTAGE_VISIBILITY),
                orElse(cmd.effectIntensity(), DEFAULT_EFFECT_INTENSITY)).validated();
    }

    ProjectDetails updatedBy(UpdateProject cmd) {
        return new ProjectDetails(
                orElse(cmd.name(), name),
                orElse(cmd.description(), description),
                orElse(cmd.prompt(), prompt),
                orElse(cmd.audioPath(), audioPath),
                orElse(cmd.audioDuration(), audioDuration),
                orElse(cmd.resolution(), resolution),
                orElse(cmd.stylePreference(), stylePreference),
                orElse(cmd.footageVisibility(), footageVisibility),
                orElse(cmd.effectIntensity(), effectIntensity)).validated();
    }

    private ProjectDetails validated() {
        requireText(name, "name");
        requireText(prompt, "prompt");
        requireText(audioPath, "audioPath");
        requireText(resolution, "resolution");
        requireText(stylePreference, "stylePreference");
        if (audioDuration != null && audioDuration.signum() < 0) {
            throw new InvalidCommand("audioDuration must not be negative");
        }
        requireRatio(footageVisibility, "footageVisibility");
        requireRatio(effectIntensity, "effectIntensity");
        return this;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field + " is required");
        }
    }

    private static void requireRatio(BigDecimal value, String field) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidCommand(field + " must be between 0 and 1, was " + value);
        }
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
