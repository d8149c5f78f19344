package io.runledger.domain.shared;

import java.util.UUID;

/** Every event names the tenant it belongs to, so audits and projections can scope it. */
public interface TenantEvent {
    UUID orgId();
}
