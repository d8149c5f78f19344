package io.runledger.command.worker;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A worker's report that carries nothing but the lease it is made under. */
record LeaseReport(@Schema(requiredMode = REQUIRED) UUID leaseId) {}
