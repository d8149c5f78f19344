package io.runledger.query.pattern;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/patterns}: the global catalog, for anyone signed in; {@code active} filters. */
@RestController
record PatternQueryController(PatternQueries patterns) {

    record PatternView(
            UUID id,
            String name,
            @Nullable String description,
            @Nullable String category,
            @Nullable String defaultStrategy,
            boolean active,
            Instant createdAt) {}

    record Patterns(List<PatternView> items) {}

    /** Not tenant data, so no tenant scope: every org sees the same catalog. */
    @Operation(operationId = "listPatterns")
    @GetMapping("/v1/patterns")
    Patterns patterns(@RequestParam(required = false) Boolean active) {
        return new Patterns(patterns.list(active));
    }
}
