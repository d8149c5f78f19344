package io.runledger.domain.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A worker hands in one output: its body inline ({@code content}) or in object storage ({@code contentUrl}). */
public record ProduceOutput(
        @TargetAggregateIdentifier UUID runId,
        UUID outputId,
        String content,
        String contentUrl,
        String summary,
        List<String> keywords,
        Map<String, Object> metadata) {
    public ProduceOutput {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outputId, "outputId");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        // metadata is free-form worker JSON, so null values must survive
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
