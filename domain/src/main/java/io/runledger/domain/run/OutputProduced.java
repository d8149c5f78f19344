package io.runledger.domain.run;

import io.runledger.domain.shared.TenantEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record OutputProduced(
        UUID orgId,
        UUID runId,
        UUID outputId,
        String content,
        String contentUrl,
        String summary,
        List<String> keywords,
        Map<String, Object> metadata) implements TenantEvent {
    public OutputProduced {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
