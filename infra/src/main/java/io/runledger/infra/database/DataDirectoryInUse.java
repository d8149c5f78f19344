package io.runledger.infra.database;

import java.nio.file.Path;

/** Another live process, a Runledger most likely, runs the embedded PostgreSQL of this data directory. */
public class DataDirectoryInUse extends RuntimeException {

    private final Path dataDir;
    private final String holder;

    DataDirectoryInUse(Path dataDir, String holder) {
        super("The data directory " + dataDir + " is in use by process " + holder);
        this.dataDir = dataDir;
        this.holder = holder;
    }

    Path dataDir() {
        return dataDir;
    }

    String holder() {
        return holder.isEmpty() ? "(unknown pid)" : holder;
    }
}
