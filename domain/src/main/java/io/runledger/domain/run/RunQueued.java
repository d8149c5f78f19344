package io.runledger.domain.run;

import java.util.UUID;

import io.runledger.domain.shared.TenantEvent;

/** {@code patternName} is the pattern's name when queued; events stored before it was carried have none. */
public record RunQueued(
        UUID orgId,
        UUID runId,
        UUID userId,
        UUID patternId,
        String patternName,
        InputSource inputSource,
        Integer inputChars,
        String strategy,
        String requestId,
        String idempotencyKey)
        implements TenantEvent {}
