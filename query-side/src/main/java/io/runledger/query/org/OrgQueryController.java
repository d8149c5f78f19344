package io.runledger.query.org;

import java.util.List;
import java.util.UUID;

import io.runledger.query.QueryProblems;
import io.runledger.query.access.Readers;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/orgs} (mine) and {@code GET /v1/orgs/{orgId}}. */
@RestController
record OrgQueryController(Readers readers, OrgQueries orgs) {

    record Orgs(List<OrgQueries.OrgView> items) {}

    @Operation(operationId = "listMyOrgs")
    @GetMapping("/v1/orgs")
    Orgs mine() {
        return new Orgs(orgs.orgs(readers.readableOrgs()));
    }

    @Operation(operationId = "getOrg")
    @GetMapping("/v1/orgs/{orgId}")
    OrgQueries.OrgView org(@PathVariable UUID orgId) {
        readers.requireReader(orgId);
        return orgs.org(orgId).orElseThrow(() -> QueryProblems.notFound("Org " + orgId + " is not readable yet"));
    }
}
