package io.runledger.domain.run;

import static io.runledger.domain.shared.PersonalData.Subject.ORG;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.domain.shared.PersonalData;
import io.runledger.domain.shared.TenantEvent;

public record OutputProduced(
        UUID orgId,
        UUID runId,
        UUID outputId,
        @PersonalData(subject = ORG) String content,
        @PersonalData(subject = ORG) String contentUrl,
        @PersonalData(subject = ORG) String summary,
        @PersonalData(subject = ORG) List<String> keywords,
        @PersonalData(subject = ORG) Map<String, Object> metadata)
        implements TenantEvent {
    public OutputProduced {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
