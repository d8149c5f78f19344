package io.runledger.query.privacy;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/users/me/export}: a person's access request, answered as one JSON document. */
@RestController
record PersonalExportController(Readers readers, PersonalExport personalExport) {

    @Operation(operationId = "exportMyData")
    @GetMapping("/v1/users/me/export")
    ObjectNode export() {
        return personalExport.of(personAsking(), readers.readableOrgs());
    }

    /** A person acts under their user id; an API key or a worker under a prefixed name. */
    private UUID personAsking() {
        String actor = readers.callerMetadata().get("actor");
        try {
            return UUID.fromString(actor);
        } catch (IllegalArgumentException | NullPointerException notAPerson) {
            throw QueryProblems.personRequired();
        }
    }
}
