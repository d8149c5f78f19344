package io.runledger.infra.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one paragraph why Runledger did not start and what to do, instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse inUse) {
        return new FailureAnalysis(
                ("The data directory %s is in use by another running Runledger (process %s), which"
                                + " runs the embedded PostgreSQL on it; two servers on one cluster would corrupt it, so this one did not"
                                + " start.")
                        .formatted(inUse.dataDir(), inUse.holder()),
                ("Stop process %s first, or give this instance a data directory of its own (RUNLEDGER_DATA_DIR), or run"
                                + " several instances on one external PostgreSQL (RUNLEDGER_DB_URL).")
                        .formatted(inUse.holder()),
                inUse);
    }
}
