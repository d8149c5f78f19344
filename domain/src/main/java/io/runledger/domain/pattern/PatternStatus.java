package io.runledger.domain.pattern;

/** Inactive patterns stay in the catalog for history but take no new runs. */
public enum PatternStatus {
    ACTIVE,
    INACTIVE
}
