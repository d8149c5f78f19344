package io.runledger.infra.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.command.worker.OrgJobs;
import io.runledger.domain.org.Role;
import io.runledger.query.access.Readers;
import org.springframework.stereotype.Component;

/** Queries ask the command side's tables, which are never behind the events, who may read and what exists. */
@Component
record CommandSideReaders(OrgAccess access, OrgJobs jobs) implements Readers {

    @Override
    public void requireReader(UUID orgId) {
        access.require(orgId, Role.VIEWER);
    }

    @Override
    public void requireAdmin(UUID orgId) {
        access.require(orgId, Role.ADMIN);
    }

    @Override
    public List<UUID> readableOrgs() {
        return access.readableOrgs();
    }

    @Override
    public void requirePlatformAdmin() {
        access.requirePlatformAdmin();
    }

    @Override
    public boolean runExists(UUID orgId, UUID runId) {
        return jobs.holdsRun(orgId, runId);
    }

    @Override
    public boolean generationExists(UUID orgId, UUID generationId) {
        return jobs.holdsGeneration(orgId, generationId);
    }

    @Override
    public Map<String, String> callerMetadata() {
        return CallerContext.current().orElseGet(Caller::system).metadata();
    }
}
