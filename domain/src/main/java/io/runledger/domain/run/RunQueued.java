package io.runledger.domain.run;

import io.runledger.domain.shared.TenantEvent;
import java.util.UUID;

public record RunQueued(
        UUID orgId,
        UUID runId,
        UUID userId,
        UUID patternId,
        InputSource inputSource,
        Integer inputChars,
        String strategy,
        String requestId,
        String idempotencyKey) implements TenantEvent {
}
