package io.runledger.domain.run;

/**
 * What a usage record counts; the code is the {@code usage_events.event_type} billing reconciles on, and with
 * {@code _} for {@code .} the event name of its Stripe meter ({@code render.seconds} → {@code render_seconds}).
 */
public enum UsageMeter {
    RUN_CREATED("run.created"),
    RUN_COMPLETED("run.completed"),
    TOKENS_USED("tokens.used"),
    GENERATIONS_COMPLETED("generations.completed"),
    /** Whole seconds from a generation's rendering start to its completion, rounded up. */
    RENDER_SECONDS("render.seconds");

    private final String code;

    UsageMeter(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
