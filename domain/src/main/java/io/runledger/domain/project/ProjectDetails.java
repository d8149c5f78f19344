package io.runledger.domain.project;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.math.BigDecimal;

import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.PersonalData;

/**
 * The editable values of a project (the columns of {@code projects}), one value object for creation, edits and their
 * events, so defaults and checks live in one place.
 */
public record ProjectDetails(
        @PersonalData(subject = ORG) String name,
        @PersonalData(subject = ORG) String description,
        @PersonalData(subject = ORG) String prompt,
        @PersonalData(subject = ORG) String audioPath,
        BigDecimal audioDuration,
        String resolution,
        String stylePreference,
        BigDecimal footageVisibility,
        BigDecimal effectIntensity) {

    // the column defaults of the seed's projects table
    private static final String DEFAULT_RESOLUTION = "1080p";
    private static final String DEFAULT_STYLE = "organic";
    private static final BigDecimal DEFAULT_FOOTAGE_VISIBILITY = new BigDecimal("0.6");
    private static final BigDecimal DEFAULT_EFFECT_INTENSITY = new BigDecimal("0.5");

    ProjectDetails withDefaults() {
        return new ProjectDetails(
                        name,
                        description,
                        prompt,
                        audioPath,
                        audioDuration,
                        orElse(resolution, DEFAULT_RESOLUTION),
                        orElse(stylePreference, DEFAULT_STYLE),
                        orElse(footageVisibility, DEFAULT_FOOTAGE_VISIBILITY),
                        orElse(effectIntensity, DEFAULT_EFFECT_INTENSITY))
                .validated();
    }

    ProjectDetails updatedBy(ProjectDetails changes) {
        return new ProjectDetails(
                        orElse(changes.name(), name),
                        orElse(changes.description(), description),
                        orElse(changes.prompt(), prompt),
                        orElse(changes.audioPath(), audioPath),
                        orElse(changes.audioDuration(), audioDuration),
                        orElse(changes.resolution(), resolution),
                        orElse(changes.stylePreference(), stylePreference),
                        orElse(changes.footageVisibility(), footageVisibility),
                        orElse(changes.effectIntensity(), effectIntensity))
                .validated();
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
