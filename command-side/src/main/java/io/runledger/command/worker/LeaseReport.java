package io.runledger.command.worker;

import java.util.UUID;

/** A worker's report that carries nothing but the lease it is made under. */
record LeaseReport(UUID leaseId) {}
