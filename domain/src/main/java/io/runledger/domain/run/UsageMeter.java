package io.runledger.domain.run;

/** What a usage record counts; the code is the {@code usage_events.event_type} billing reconciles on. */
public enum UsageMeter {
    RUN_CREATED("run.created"),
    RUN_COMPLETED("run.completed"),
    TOKENS_USED("tokens.used");

    private final String code;

    UsageMeter(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
