package io.runledger.command.worker;

/** Where a job stands for a worker that reports on it under its lease id. */
enum LeaseStanding {
    HELD,
    EXPIRED,
    TAKEN_BACK,
    FINISHED,
    UNKNOWN
}
