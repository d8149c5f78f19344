package io.runledger.domain.run;

import java.util.Locale;

/**
 * What a usage record counts; its code is the {@code usage_events.event_type} billing reconciles on, and with
 * {@code _} for {@code .} the event name of its Stripe meter ({@code render.seconds} → {@code render_seconds}).
 */
public enum UsageMeter {
    RUN_CREATED,
    RUN_COMPLETED,
    TOKENS_USED,
    GENERATIONS_COMPLETED,
    /** Whole seconds from a generation's rendering start to its completion, rounded up. */
    RENDER_SECONDS;

    /**
     * The constant's name in lower case, {@code .} between its words: {@code RENDER_SECONDS} → {@code render.seconds}.
     * Stored and sent to Stripe, so a constant is never renamed.
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
