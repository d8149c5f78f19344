package io.runledger.command.access;

public class PlatformAdminRequired extends RuntimeException {
    public PlatformAdminRequired() {
        super("Only platform admins (RUNLEDGER_PLATFORM_ADMINS) may do this");
    }
}
