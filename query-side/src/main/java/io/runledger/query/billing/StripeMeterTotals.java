package io.runledger.query.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What Stripe's own meter summaries say an org used of a meter in a period; the application wires it in
 * when Stripe is configured. Empty when Stripe has no meter or no customer for it.
 */
public interface StripeMeterTotals {

    Optional<BigDecimal> total(UUID orgId, String meter, Instant from, Instant to);
}
