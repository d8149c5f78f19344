package io.runledger.infra.testing;

import java.util.List;

/** The event types a stream holds, in order, after the way through it that several tests drive from start to end. */
public final class EventHistories {

    /** Queued, started, one output, succeeded: each step with the usage it records. */
    public static final List<String> SUCCEEDED_RUN = List.of(
            "RunQueued",
            "UsageRecorded",
            "RunStarted",
            "OutputProduced",
            "UsageRecorded",
            "RunSucceeded",
            "UsageRecorded");

    /** Requested, analysed, planned, rendered, completed, then billed for the generation and its render seconds. */
    public static final List<String> COMPLETED_GENERATION = List.of(
            "GenerationRequested",
            "AudioAnalysisStarted",
            "AudioAnalysisRecorded",
            "VisualPlanRecorded",
            "RenderingStarted",
            "GenerationCompleted",
            "UsageRecorded",
            "UsageRecorded");

    private EventHistories() {}
}
