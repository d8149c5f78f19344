package io.runledger.domain.project;

import java.math.BigDecimal;

/**
 * The editable values of a project, as {@link ProjectCreated} and {@link ProjectUpdated} both carry them in
 * full, so the aggregate and projectors can read either event the same way.
 */
public interface ProjectValues {
    String name();

    String description();

    String prompt();

    String audioPath();

    BigDecimal audioDuration();

    String resolution();

    String stylePreference();

    BigDecimal footageVisibility();

    BigDecimal effectIntensity();
}
